/** The children of `w:pPr` in schema order (CT_PPrBase, ECMA-376 Part 1, 17.3.1.26). */
const PPR_ORDER = [
  'pStyle', 'keepNext', 'keepLines', 'pageBreakBefore', 'framePr', 'widowControl', 'numPr',
  'suppressLineNumbers', 'pBdr', 'shd', 'tabs', 'suppressAutoHyphens', 'kinsoku', 'wordWrap',
  'overflowPunct', 'topLinePunct', 'autoSpaceDE', 'autoSpaceDN', 'bidi', 'adjustRightInd',
  'snapToGrid', 'spacing', 'ind', 'contextualSpacing', 'mirrorIndents', 'suppressOverlap', 'jc',
  'textDirection', 'textAlignment', 'textboxTightWrap', 'outlineLvl', 'divId', 'cnfStyle', 'rPr',
  'sectPr', 'pPrChange',
].map((name) => `w:${name}`);

/**
 * Turns paragraph properties off (`<w:name w:val="0"/>`) in the given styles of
 * `word/styles.xml`, each in its schema position. docx cannot write these on a style:
 * `snapToGrid` (LibreOffice gives a line whose font is taller than the grid pitch two grid
 * lines even with exact spacing), `autoSpaceDE`/`autoSpaceDN` (the extra space Word and
 * LibreOffice put between Chinese and Latin letters or digits, which breaks the 28-character
 * grid).
 */
export function turnOffStyleProperties(stylesXml: string, off: Readonly<Record<string, readonly string[]>>): string {
  return stylesXml.replace(/<w:style\b[^>]*>[\s\S]*?<\/w:style>/g, (style) => {
    const id = /\bw:styleId="([^"]+)"/.exec(style)?.[1];
    const names = id ? off[id] : undefined;
    if (!names?.length) return style;
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>|<w:pPr\/>/.exec(style);
    let body = pPr?.[1] ?? '';
    for (const name of names.map((n) => `w:${n}`)) {
      if (body.includes(`<${name} `) || body.includes(`<${name}/`)) continue;
      const rank = PPR_ORDER.indexOf(name);
      const later = PPR_ORDER.slice(rank + 1)
        .map((next) => body.search(new RegExp(`<${next}[\\s/>]`)))
        .filter((i) => i >= 0);
      const at = later.length ? Math.min(...later) : body.length;
      body = `${body.slice(0, at)}<${name} w:val="0"/>${body.slice(at)}`;
    }
    if (pPr) return style.replace(pPr[0], `<w:pPr>${body}</w:pPr>`);
    // A style without paragraph properties: they go before its run properties (CT_Style order).
    return style.replace(/(<w:rPr>|<w:tblPr>|<\/w:style>)/, `<w:pPr>${body}</w:pPr>$1`);
  });
}
