/**
 * Reference outputs: for each example report, the composed Document tree and the DOCX's
 * word/document.xml, as readable files under examples/reference/. A change to composition or to
 * the DOCX writer shows in review as a diff of these files; when it is meant, regenerate them
 * with `npm run reference` (vitest's -u) and commit them with the change.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { render } from 'gongwen';

const examples = new URL('../../../examples/', import.meta.url);
const reports = readdirSync(examples).filter((f) => f.endsWith('.yaml')).sort();

/**
 * One element a line, indented by depth; an element holding only text stays on its line, so a
 * changed sentence is a one-line diff. The XML is the DOCX writer's own: no comments, no CDATA.
 */
export function prettyXml(xml: string): string {
  const tokens = xml.match(/<[^>]+>|[^<]+/g) ?? [];
  const lines: string[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.startsWith('<?')) lines.push(t);
    else if (t.startsWith('</')) lines.push(`${'  '.repeat(Math.max(0, --depth))}${t}`);
    else if (t.startsWith('<')) {
      const selfClosing = t.endsWith('/>');
      const text = tokens[i + 1];
      const close = tokens[i + 2];
      if (!selfClosing && text !== undefined && !text.startsWith('<') && close?.startsWith('</')) {
        lines.push(`${'  '.repeat(depth)}${t}${text}${close}`);
        i += 2;
      } else {
        lines.push(`${'  '.repeat(depth)}${t}`);
        if (!selfClosing) depth++;
      }
    } else if (t.trim()) lines.push(`${'  '.repeat(depth)}${t}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('reference outputs of the example reports', () => {
  for (const file of reports) {
    const name = file.replace(/\.yaml$/, '');
    it(`${name}: the Document tree and word/document.xml are the reviewed ones`, async () => {
      const source = readFileSync(new URL(file, examples), 'utf8');
      const { document, outputs, diagnostics } = await render(source, { filename: file, formats: ['docx'] });
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      // The tree without its origins: a position per text would turn every moved YAML line into a
      // diff of hundreds of lines, hiding the change to the document itself (origins have their own tests).
      const { origins: _origins, ...tree } = document!;
      await expect(`${JSON.stringify(tree, null, 2)}\n`).toMatchFileSnapshot(`../../../examples/reference/${name}.document.json`);
      const documentXml = new TextDecoder().decode(unzipSync(outputs.docx!)['word/document.xml']);
      await expect(prettyXml(documentXml)).toMatchFileSnapshot(`../../../examples/reference/${name}.document.xml`);
    });
  }
});
