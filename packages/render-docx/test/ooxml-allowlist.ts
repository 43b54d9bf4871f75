import type { XmlElement } from '@gongwen/test-kit/xml';
import { walk } from '@gongwen/test-kit/xml';

/**
 * A schema-level check of `word/document.xml` (and the footers), hand-written from the
 * WordprocessingML and DrawingML schemas (ECMA-376 Part 1, transitional) for exactly the
 * elements gongwen emits: for each, which children may appear and in what order (the schema's
 * xsd:sequence), which attributes are allowed, and the type or enumeration of their values.
 * An element, child, order or attribute value outside this list is reported. It does not cover
 * elements gongwen never writes (those are reported as unknown).
 */
type Value = 'int' | 'uint' | 'hex' | 'onoff' | 'string' | 'twips' | readonly string[];
interface Rule {
  /** Allowed children in schema order; a child may repeat where the schema lets it. */
  children?: readonly string[];
  /** Children that may appear in any order (xsd:choice repeated). */
  anyOrder?: boolean;
  /** With `anyOrder`: this child, when present, must come first (w:pPr in w:p, w:rPr in w:r). */
  leading?: string;
  attrs?: Readonly<Record<string, Value>>;
  /** Text content allowed. */
  text?: boolean;
}

const onoff = 'onoff' as const;
const borderStyle = ['nil', 'none', 'single', 'thick', 'double', 'dotted', 'dashed'] as const;
const border: Rule = { attrs: { 'w:val': borderStyle, 'w:color': 'string', 'w:sz': 'uint', 'w:space': 'uint', 'w:shadow': onoff, 'w:frame': onoff } };
const width: Rule = { attrs: { 'w:w': 'int', 'w:type': ['nil', 'pct', 'dxa', 'auto'] } };
const val = (v: Value): Rule => ({ attrs: { 'w:val': v } });
const flag: Rule = val(onoff);

const PPR = [
  'w:pStyle', 'w:keepNext', 'w:keepLines', 'w:pageBreakBefore', 'w:framePr', 'w:widowControl', 'w:numPr',
  'w:suppressLineNumbers', 'w:pBdr', 'w:shd', 'w:tabs', 'w:suppressAutoHyphens', 'w:kinsoku', 'w:wordWrap',
  'w:overflowPunct', 'w:topLinePunct', 'w:autoSpaceDE', 'w:autoSpaceDN', 'w:bidi', 'w:adjustRightInd',
  'w:snapToGrid', 'w:spacing', 'w:ind', 'w:contextualSpacing', 'w:mirrorIndents', 'w:suppressOverlap', 'w:jc',
  'w:textDirection', 'w:textAlignment', 'w:textboxTightWrap', 'w:outlineLvl', 'w:divId', 'w:cnfStyle', 'w:rPr',
  'w:sectPr', 'w:pPrChange',
];
const RPR = [
  'w:rStyle', 'w:rFonts', 'w:b', 'w:bCs', 'w:i', 'w:iCs', 'w:caps', 'w:smallCaps', 'w:strike', 'w:dstrike',
  'w:outline', 'w:shadow', 'w:emboss', 'w:imprint', 'w:noProof', 'w:snapToGrid', 'w:vanish', 'w:webHidden',
  'w:color', 'w:spacing', 'w:w', 'w:kern', 'w:position', 'w:sz', 'w:szCs', 'w:highlight', 'w:u', 'w:effect',
  'w:bdr', 'w:shd', 'w:fitText', 'w:vertAlign', 'w:rtl', 'w:cs', 'w:em', 'w:lang', 'w:eastAsianLayout',
];

/** Rules per element name; where one name has different content in different parents, the key is `parent>child`. */
export const allowlist: Readonly<Record<string, Rule>> = {
  'w:document': { children: ['w:background', 'w:body'], attrs: { 'mc:Ignorable': 'string' } },
  'w:ftr': { children: ['w:p', 'w:tbl'], anyOrder: true, attrs: { 'mc:Ignorable': 'string' } },
  'w:body': { children: ['w:p', 'w:tbl', 'w:sectPr'], anyOrder: true },
  'w:p': { children: ['w:pPr', 'w:r', 'w:fldSimple', 'w:bookmarkStart', 'w:bookmarkEnd'], anyOrder: true, leading: 'w:pPr' },
  'w:pPr': { children: PPR },
  'w:pStyle': val('string'),
  'w:pageBreakBefore': flag,
  'w:widowControl': flag,
  'w:snapToGrid': flag,
  'w:autoSpaceDE': flag,
  'w:autoSpaceDN': flag,
  'w:keepNext': flag,
  'w:keepLines': flag,
  'w:pBdr': { children: ['w:top', 'w:left', 'w:bottom', 'w:right', 'w:between', 'w:bar'] },
  'w:pBdr>w:bottom': border,
  'w:pBdr>w:top': border,
  'w:tabs': { children: ['w:tab'] },
  'w:tabs>w:tab': { attrs: { 'w:val': ['clear', 'left', 'center', 'right', 'decimal', 'bar', 'num', 'start', 'end'], 'w:pos': 'int', 'w:leader': ['none', 'dot', 'hyphen', 'underscore', 'heavy', 'middleDot'] } },
  'w:pPr>w:spacing': { attrs: { 'w:before': 'twips', 'w:after': 'twips', 'w:line': 'int', 'w:lineRule': ['auto', 'exact', 'atLeast'], 'w:beforeLines': 'int', 'w:afterLines': 'int' } },
  'w:ind': { attrs: { 'w:left': 'int', 'w:right': 'int', 'w:start': 'int', 'w:end': 'int', 'w:hanging': 'twips', 'w:firstLine': 'twips', 'w:firstLineChars': 'int', 'w:leftChars': 'int', 'w:rightChars': 'int', 'w:hangingChars': 'int' } },
  'w:jc': val(['left', 'center', 'right', 'both', 'distribute', 'start', 'end']),
  'w:outlineLvl': val('uint'),
  'w:r': { children: ['w:rPr', 'w:t', 'w:tab', 'w:br', 'w:drawing', 'w:fldChar', 'w:instrText'], anyOrder: true, leading: 'w:rPr' },
  'w:rPr': { children: RPR },
  'w:rFonts': { attrs: { 'w:ascii': 'string', 'w:hAnsi': 'string', 'w:eastAsia': 'string', 'w:cs': 'string', 'w:hint': ['default', 'eastAsia', 'cs'] } },
  'w:b': flag,
  'w:bCs': flag,
  'w:color': { attrs: { 'w:val': 'hex' } },
  'w:rPr>w:spacing': val('int'),
  'w:sz': val('uint'),
  'w:szCs': val('uint'),
  'w:t': { attrs: { 'xml:space': ['preserve', 'default'] }, text: true },
  'w:instrText': { attrs: { 'xml:space': ['preserve', 'default'] }, text: true },
  'w:fldChar': { attrs: { 'w:fldCharType': ['begin', 'separate', 'end'], 'w:dirty': onoff } },
  'w:r>w:tab': {},
  'w:br': { attrs: { 'w:type': ['page', 'column', 'textWrapping'] } },
  'w:sectPr': {
    children: ['w:headerReference', 'w:footerReference', 'w:footnotePr', 'w:endnotePr', 'w:type', 'w:pgSz', 'w:pgMar', 'w:paperSrc', 'w:pgBorders', 'w:lnNumType', 'w:pgNumType', 'w:cols', 'w:formProt', 'w:vAlign', 'w:noEndnote', 'w:titlePg', 'w:textDirection', 'w:bidi', 'w:rtlGutter', 'w:docGrid'],
  },
  'w:footerReference': { attrs: { 'r:id': 'string', 'w:type': ['default', 'even', 'first'] } },
  'w:pgSz': { attrs: { 'w:w': 'uint', 'w:h': 'uint', 'w:orient': ['portrait', 'landscape'] } },
  'w:pgMar': { attrs: { 'w:top': 'int', 'w:bottom': 'int', 'w:left': 'uint', 'w:right': 'uint', 'w:header': 'uint', 'w:footer': 'uint', 'w:gutter': 'uint' } },
  'w:pgNumType': { attrs: { 'w:start': 'uint', 'w:fmt': 'string' } },
  // ST_SectionMark (17.18.77): how a section starts; the 版记 section starts on an even page.
  'w:type': { attrs: { 'w:val': ['nextPage', 'nextColumn', 'continuous', 'evenPage', 'oddPage'] } },
  'w:docGrid': { attrs: { 'w:type': ['default', 'lines', 'linesAndChars', 'snapToChars'], 'w:linePitch': 'int', 'w:charSpace': 'int' } },
  'w:tbl': { children: ['w:tblPr', 'w:tblGrid', 'w:tr'] },
  'w:tblPr': { children: ['w:tblStyle', 'w:tblpPr', 'w:tblOverlap', 'w:bidiVisual', 'w:tblStyleRowBandSize', 'w:tblStyleColBandSize', 'w:tblW', 'w:jc', 'w:tblCellSpacing', 'w:tblInd', 'w:tblBorders', 'w:shd', 'w:tblLayout', 'w:tblCellMar', 'w:tblLook'] },
  'w:tblpPr': { attrs: { 'w:leftFromText': 'uint', 'w:rightFromText': 'uint', 'w:topFromText': 'uint', 'w:bottomFromText': 'uint', 'w:vertAnchor': ['text', 'margin', 'page'], 'w:horzAnchor': ['text', 'margin', 'page'], 'w:tblpXSpec': ['left', 'center', 'right', 'inside', 'outside'], 'w:tblpX': 'int', 'w:tblpYSpec': ['inline', 'top', 'center', 'bottom', 'inside', 'outside'], 'w:tblpY': 'int' } },
  'w:tblOverlap': val(['never', 'overlap']),
  'w:tblW': width,
  'w:tblBorders': { children: ['w:top', 'w:left', 'w:start', 'w:bottom', 'w:right', 'w:end', 'w:insideH', 'w:insideV'] },
  'w:tblBorders>w:top': border,
  'w:tblBorders>w:left': border,
  'w:tblBorders>w:bottom': border,
  'w:tblBorders>w:right': border,
  'w:insideH': border,
  'w:insideV': border,
  'w:tblCellMar': { children: ['w:top', 'w:left', 'w:start', 'w:bottom', 'w:right', 'w:end'] },
  'w:tcMar': { children: ['w:top', 'w:left', 'w:start', 'w:bottom', 'w:right', 'w:end'] },
  'w:tblCellMar>w:top': width,
  'w:tblCellMar>w:left': width,
  'w:tblCellMar>w:bottom': width,
  'w:tblCellMar>w:right': width,
  'w:tcMar>w:top': width,
  'w:tcMar>w:left': width,
  'w:tcMar>w:bottom': width,
  'w:tcMar>w:right': width,
  'w:tblGrid': { children: ['w:gridCol'] },
  'w:gridCol': { attrs: { 'w:w': 'uint' } },
  'w:tr': { children: ['w:tblPrEx', 'w:trPr', 'w:tc'] },
  'w:tc': { children: ['w:tcPr', 'w:p', 'w:tbl'] },
  'w:tcPr': { children: ['w:cnfStyle', 'w:tcW', 'w:gridSpan', 'w:hMerge', 'w:vMerge', 'w:tcBorders', 'w:shd', 'w:noWrap', 'w:tcMar', 'w:textDirection', 'w:tcFitText', 'w:vAlign', 'w:hideMark'] },
  'w:tcW': width,
  // ECMA-376 17.18.93 ST_TextDirection (a landscape page's page number runs tbRl).
  'w:textDirection': val(['lrTb', 'tbRl', 'btLr', 'lrTbV', 'tbRlV', 'tbLrV', 'tb', 'rl', 'lr', 'tbV', 'rlV', 'lrV']),
  // 17.4.53 ST_TblLayoutType; 17.4.79 CT_TrPr (a choice, repeated); 17.4.66 tcBorders.
  'w:tblLayout': { attrs: { 'w:type': ['fixed', 'autofit'] } },
  'w:trPr': { children: ['w:cnfStyle', 'w:divId', 'w:gridBefore', 'w:gridAfter', 'w:wBefore', 'w:wAfter', 'w:cantSplit', 'w:trHeight', 'w:tblHeader', 'w:tblCellSpacing', 'w:jc', 'w:hidden'], anyOrder: true },
  'w:cantSplit': flag,
  'w:tblHeader': flag,
  'w:trHeight': { attrs: { 'w:val': 'twips', 'w:hRule': ['auto', 'exact', 'atLeast'] } },
  'w:tcBorders': { children: ['w:top', 'w:left', 'w:start', 'w:bottom', 'w:right', 'w:end', 'w:insideH', 'w:insideV', 'w:tl2br', 'w:tr2bl'] },
  'w:tcBorders>w:top': border,
  'w:tcBorders>w:left': border,
  'w:tcBorders>w:bottom': border,
  'w:tcBorders>w:right': border,
  'w:vAlign': val(['top', 'center', 'both', 'bottom']),
  'w:drawing': { children: ['wp:inline', 'wp:anchor'] },
  'wp:anchor': {
    children: ['wp:simplePos', 'wp:positionH', 'wp:positionV', 'wp:extent', 'wp:effectExtent', 'wp:wrapNone', 'wp:docPr', 'wp:cNvGraphicFramePr', 'a:graphic'],
    attrs: { distT: 'uint', distB: 'uint', distL: 'uint', distR: 'uint', simplePos: onoff, relativeHeight: 'uint', behindDoc: onoff, locked: onoff, layoutInCell: onoff, allowOverlap: onoff, hidden: onoff },
  },
  'wp:simplePos': { attrs: { x: 'int', y: 'int' } },
  'wp:positionH': { children: ['wp:align', 'wp:posOffset'], attrs: { relativeFrom: ['margin', 'page', 'column', 'character', 'leftMargin', 'rightMargin', 'insideMargin', 'outsideMargin'] } },
  'wp:positionV': { children: ['wp:align', 'wp:posOffset'], attrs: { relativeFrom: ['margin', 'page', 'paragraph', 'line', 'topMargin', 'bottomMargin', 'insideMargin', 'outsideMargin'] } },
  'wp:posOffset': { text: true },
  'wp:extent': { attrs: { cx: 'uint', cy: 'uint' } },
  'wp:effectExtent': { attrs: { l: 'int', t: 'int', r: 'int', b: 'int' } },
  'wp:wrapNone': {},
  'wp:docPr': { attrs: { id: 'uint', name: 'string', descr: 'string', title: 'string', hidden: onoff } },
  'wp:cNvGraphicFramePr': { children: ['a:graphicFrameLocks'] },
  'a:graphicFrameLocks': { attrs: { noChangeAspect: onoff } },
  'a:graphic': { children: ['a:graphicData'] },
  'a:graphicData': { children: ['pic:pic'], attrs: { uri: 'string' } },
  'pic:pic': { children: ['pic:nvPicPr', 'pic:blipFill', 'pic:spPr'] },
  'pic:nvPicPr': { children: ['pic:cNvPr', 'pic:cNvPicPr'] },
  'pic:cNvPr': { attrs: { id: 'uint', name: 'string', descr: 'string', title: 'string' } },
  'pic:cNvPicPr': { children: ['a:picLocks'] },
  'a:picLocks': { attrs: { noChangeAspect: onoff, noChangeArrowheads: onoff } },
  'pic:blipFill': { children: ['a:blip', 'a:srcRect', 'a:stretch'] },
  'a:blip': { attrs: { 'r:embed': 'string', cstate: ['email', 'screen', 'print', 'hqprint', 'none'] } },
  'a:srcRect': {},
  'a:stretch': { children: ['a:fillRect'] },
  'a:fillRect': {},
  'pic:spPr': { children: ['a:xfrm', 'a:prstGeom'], attrs: { bwMode: ['clr', 'auto', 'gray', 'ltGray', 'invGray', 'grayWhite', 'blackGray', 'blackWhite', 'black', 'white', 'hidden'] } },
  'a:xfrm': { children: ['a:off', 'a:ext'] },
  'a:off': { attrs: { x: 'int', y: 'int' } },
  'a:ext': { attrs: { cx: 'uint', cy: 'uint' } },
  'a:prstGeom': { children: ['a:avLst'], attrs: { prst: 'string' } },
  'a:avLst': {},
};

const checks: Record<Exclude<Value, readonly string[]>, RegExp> = {
  int: /^-?\d+$/,
  uint: /^\d+$/,
  twips: /^\d+$/,
  hex: /^(?:[0-9A-Fa-f]{6}|auto)$/,
  onoff: /^(?:true|false|on|off|0|1)$/,
  string: /^[\s\S]*$/,
};

/** Every violation of the allowlist in a part, as readable strings (empty when the part passes). */
export function checkAllowlist(root: XmlElement): string[] {
  const problems: string[] = [];
  // Namespace declarations are not attributes in the schema's sense.
  const isNamespace = (name: string) => name === 'xmlns' || name.startsWith('xmlns:');
  for (const { element, parent } of walk(root)) {
    const rule = (parent && allowlist[`${parent.name}>${element.name}`]) ?? allowlist[element.name];
    const where = `${parent ? `${parent.name}>` : ''}${element.name}`;
    if (!rule) {
      problems.push(`${where}: not in the allowlist`);
      continue;
    }
    for (const [name, value] of Object.entries(element.attrs)) {
      if (isNamespace(name)) continue;
      const type = rule.attrs?.[name];
      if (!type) problems.push(`${where}: attribute ${name} not allowed`);
      else if (Array.isArray(type) ? !type.includes(value) : !checks[type as keyof typeof checks].test(value))
        problems.push(`${where}: ${name}="${value}" is not ${Array.isArray(type) ? type.join('|') : type}`);
    }
    if (!rule.text && element.text.trim()) problems.push(`${where}: text not allowed`);
    const order = rule.children ?? [];
    if (rule.leading && element.children.findIndex((c) => c.name === rule.leading) > 0)
      problems.push(`${where}: ${rule.leading} must come first`);
    let last = -1;
    for (const child of element.children) {
      const at = order.indexOf(child.name);
      if (at < 0) problems.push(`${where}: child ${child.name} not allowed`);
      else if (!rule.anyOrder && at < last) problems.push(`${where}: child ${child.name} out of schema order`);
      else last = Math.max(last, at);
    }
  }
  return problems;
}
