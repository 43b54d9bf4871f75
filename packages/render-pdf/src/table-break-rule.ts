// A 三线表 that runs over a page's foot ends there with its bottom rule, as a typist closes each
// page's part of the table (the next page opens with the top rule over the repeated header).
// pdfmake draws a row's rule when it lays the row out, before it knows the next row will not fit,
// so the rule is added once the next row has landed on a later page: on the page the last row
// stood, at that row's foot, inside it (the row gives the rule's width back, as every rule does).
// A table asks for it with `layout.breakRule` (the rule's width, pt), and `layout.breakRows` is
// handed the list of the body rows that end a page; test/upstream.test.ts names the pdfmake version this was
// checked against.
import tableProcessorModule from 'pdfmake/js/TableProcessor.js';

interface Writer {
  context(): { page: number; y: number };
}
interface TableProcessor {
  headerRows: number;
  layout: { breakRule?: number; breakRows?: (rows: number[]) => void; hLineWidth(i: number, node: unknown): number };
  tableNode: { table: { body: unknown[][] } };
  endRow(rowIndex: number, writer: Writer, pageBreaks: unknown): void;
  drawHorizontalLine(lineIndex: number, writer: Writer, overrideY?: number, moveDown?: boolean, forcePage?: number): void;
  /** Where the last body row laid out so far ended. */
  gongwenLastRowEnd?: { page: number; y: number };
  /** The body rows that ended a page in this layout pass. */
  gongwenBreaks?: number[];
}

export const pdfmakeTableProcessor = (typeof tableProcessorModule === 'function' ? tableProcessorModule : (tableProcessorModule as { default: unknown }).default) as { prototype: TableProcessor };

let installed = false;

/** Installs the hook once per process. */
export function installTableBreakRule(): void {
  if (installed) return;
  installed = true;
  const endRow = pdfmakeTableProcessor.prototype.endRow;
  pdfmakeTableProcessor.prototype.endRow = function (this: TableProcessor, rowIndex, writer, pageBreaks) {
    endRow.call(this, rowIndex, writer, pageBreaks);
    if (rowIndex < this.headerRows) return;
    const { page, y } = writer.context();
    const last = this.gongwenLastRowEnd;
    if (!this.gongwenBreaks) {
      // A new pass (pdfmake lays a document out again when a page break moves): a new list.
      this.gongwenBreaks = [];
      this.layout.breakRows?.(this.gongwenBreaks);
    }
    if (last && last.page !== page) {
      this.gongwenBreaks.push(rowIndex - 1 - this.headerRows);
      if (this.layout.breakRule) {
        // Drawn as the table's last rule (its width, colour and extent), inside the row's foot.
        const body = this.tableNode.table.body;
        const drawn = this.layout.hLineWidth(body.length, this.tableNode);
        this.drawHorizontalLine(body.length, writer, last.y - drawn, false, last.page);
      }
    }
    this.gongwenLastRowEnd = { page, y };
  };
}
