import { Parser } from 'htmlparser2';
import { trimPadding, type SourceParagraph } from './paragraphs.js';

/** Elements that end a line of text. */
const BLOCK = new Set(['p', 'div', 'section', 'article', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'td', 'th', 'br', 'hr', 'table', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'header', 'footer', 'nav', 'main', 'aside', 'figure', 'figcaption', 'address', 'center']);
/** Elements whose content is never report text. */
const SKIP = new Set(['script', 'style', 'head', 'noscript', 'template', 'svg', 'iframe', 'object', 'select', 'button']);

/** 1-based line and column of an offset in a text. */
function position(lineStarts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
}

/**
 * The text of a web page, one paragraph per block element, in reading order. Headings (`h1`–`h6`),
 * bold-only blocks and centred or right-aligned blocks carry their hint. Entities are decoded.
 */
export function htmlParagraphs(html: string): SourceParagraph[] {
  const lineStarts = [0];
  for (let i = 0; i < html.length; i++) if (html.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const out: SourceParagraph[] = [];
  let text = '';
  let start = -1;
  let skip = 0;
  let bold = 0;
  let boldChars = 0;
  let heading = 0;
  const styledBold: string[] = [];
  let align: 'center' | 'right' | undefined;
  const flush = () => {
    const trimmed = trimPadding(text.replace(/[\s\u00a0]+/g, (s) => (/\u3000/.test(s) ? s : ' ')));
    if (trimmed) {
      const lead = text.length - text.replace(/^[\s\u3000\u00a0\u200b\ufeff]+/, '').length;
      const headingLike = heading > 0 || (boldChars > 0 && boldChars >= trimPadding(text).length);
      out.push({ text: trimmed, ...position(lineStarts, Math.max(0, start + lead)), ...(headingLike ? { headingLike } : {}), ...(align ? { align } : {}) });
    }
    text = '';
    start = -1;
    boldChars = 0;
    align = undefined;
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (SKIP.has(name)) skip++;
        if (skip) return;
        if (BLOCK.has(name)) flush();
        if (/^h[1-6]$/.test(name)) heading++;
        if (name === 'b' || name === 'strong') bold++;
        const style = (attrs.style ?? '').toLowerCase();
        const a = (attrs.align ?? '').toLowerCase() || /text-align\s*:\s*(center|right)/.exec(style)?.[1];
        if (BLOCK.has(name) && (a === 'center' || a === 'right')) align = a;
        if (/font-weight\s*:\s*(bold|[6-9]00)/.test(style)) {
          bold++;
          styledBold.push(name);
        }
      },
      ontext(data) {
        if (skip) return;
        if (start < 0 && data.trim()) start = parser.startIndex;
        text += data;
        if (bold) boldChars += trimPadding(data).length;
      },
      onclosetag(name, implied) {
        void implied;
        if (SKIP.has(name)) {
          skip = Math.max(0, skip - 1);
          return;
        }
        if (skip) return;
        if (BLOCK.has(name)) flush();
        if (/^h[1-6]$/.test(name)) heading = Math.max(0, heading - 1);
        if (name === 'b' || name === 'strong') bold = Math.max(0, bold - 1);
        if (styledBold[styledBold.length - 1] === name) {
          styledBold.pop();
          bold = Math.max(0, bold - 1);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return out;
}
