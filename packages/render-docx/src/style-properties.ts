/** The children of `w:pPr` in schema order (CT_PPrBase, ECMA-376 Part 1, 17.3.1.26). */
const PPR_ORDER = [
  'pStyle', 'keepNext', 'keepLines', 'pageBreakBefore', 'framePr', 'widowControl', 'numPr',
  'suppressLineNumbers', 'pBdr', 'shd', 'tabs', 'suppressAutoHyphens', 'kinsoku', 'wordWrap',
  'overflowPunct', 'topLinePunct', 'autoSpaceDE', 'autoSpaceDN', 'bidi', 'adjustRightInd',
  'snapToGrid', 'spacing', 'ind', 'contextualSpacing', 'mirrorIndents', 'suppressOverlap', 'jc',
  'textDirection', 'textAlignment', 'textboxTightWrap', 'outlineLvl', 'divId', 'cnfStyle', 'rPr',
  'sectPr', 'pPrChange',
].map((name) => `w:${name}`);

/** On/off paragraph properties per style id: property name (without `w:`) → on or off. */
export type StyleSwitches = Readonly<Record<string, Readonly<Record<string, boolean>>>>;

/**
 * Writes on/off paragraph properties (`<w:name w:val="1|0"/>`) into the given styles of
 * `word/styles.xml`, each in its schema position, for the properties docx cannot write on a
 * style (see `styleSwitches` in styles.ts for which and why).
 */
export function setStyleSwitches(stylesXml: string, switches: StyleSwitches): string {
  return stylesXml.replace(/<w:style\b[^>]*>[\s\S]*?<\/w:style>/g, (style) => {
    const id = /\bw:styleId="([^"]+)"/.exec(style)?.[1];
    const wanted = id ? switches[id] : undefined;
    if (!wanted) return style;
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>|<w:pPr\/>/.exec(style);
    let body = pPr?.[1] ?? '';
    for (const [bare, on] of Object.entries(wanted)) {
      const name = `w:${bare}`;
      if (body.includes(`<${name} `) || body.includes(`<${name}/`)) continue;
      const rank = PPR_ORDER.indexOf(name);
      const later = PPR_ORDER.slice(rank + 1)
        .map((next) => body.search(new RegExp(`<${next}[\\s/>]`)))
        .filter((i) => i >= 0);
      const at = later.length ? Math.min(...later) : body.length;
      body = `${body.slice(0, at)}<${name} w:val="${on ? 1 : 0}"/>${body.slice(at)}`;
    }
    if (pPr) return style.replace(pPr[0], `<w:pPr>${body}</w:pPr>`);
    // A style without paragraph properties: they go before its run properties (CT_Style order).
    return style.replace(/(<w:rPr>|<w:tblPr>|<\/w:style>)/, `<w:pPr>${body}</w:pPr>$1`);
  });
}
