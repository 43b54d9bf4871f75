import type { XmlElement } from '@gongwen/test-kit/xml';

/*
 * The structure GB/T 33190-2016 gives the parts gongwen writes, from the standard's tables:
 * per element, its attributes (required ones marked) and its children in the order the standard's
 * sequence gives them, with how many of each may occur. Clause numbers are the standard's.
 */

type Count = '1' | '?' | '*' | '+';
interface ElementRule {
  attrs: Record<string, 'required' | 'optional'>;
  /** The children in sequence order; a choice group is several names in one entry. */
  children: [names: string[], count: Count][];
  /** Whether the element carries text (and of what form). */
  text?: RegExp;
}

const graphicUnitAttrs = {
  ID: 'required',
  Boundary: 'required',
  Name: 'optional',
  Visible: 'optional',
  CTM: 'optional',
  DrawParam: 'optional',
  LineWidth: 'optional',
  Cap: 'optional',
  Join: 'optional',
  MiterLimit: 'optional',
  DashOffset: 'optional',
  DashPattern: 'optional',
  Alpha: 'optional',
} as const;
const graphicUnitChildren: [string[], Count][] = [
  [['ofd:Actions'], '?'],
  [['ofd:Clips'], '?'],
];
const color: ElementRule = { attrs: { Value: 'optional', Index: 'optional', ColorSpace: 'optional', Alpha: 'optional' }, children: [] };
const pageArea: ElementRule = {
  attrs: {},
  children: [
    [['ofd:PhysicalBox'], '1'],
    [['ofd:ApplicationBox'], '?'],
    [['ofd:ContentBox'], '?'],
    [['ofd:BleedBox'], '?'],
  ],
};
const box = /^-?\d+(\.\d+)? -?\d+(\.\d+)? \d+(\.\d+)? \d+(\.\d+)?$/;
const loc = /^[^\s<>"]+$/;
const plain = /^[\s\S]*$/;

export const ofdRules: Record<string, ElementRule> = {
  // 7.4 主入口 (表 2)
  'ofd:OFD': { attrs: { Version: 'required', DocType: 'required' }, children: [[['ofd:DocBody'], '+']] },
  'ofd:DocBody': {
    attrs: {},
    children: [
      [['ofd:DocInfo'], '1'],
      [['ofd:DocRoot'], '?'],
      [['ofd:Versions'], '?'],
      [['ofd:Signatures'], '?'],
    ],
  },
  // 7.4 表 3 文档元数据
  'ofd:DocInfo': {
    attrs: {},
    children: [
      [['ofd:DocID'], '?'],
      [['ofd:Title'], '?'],
      [['ofd:Author'], '?'],
      [['ofd:Subject'], '?'],
      [['ofd:Abstract'], '?'],
      [['ofd:CreationDate'], '?'],
      [['ofd:ModDate'], '?'],
      [['ofd:DocUsage'], '?'],
      [['ofd:Cover'], '?'],
      [['ofd:Keywords'], '?'],
      [['ofd:Creator'], '?'],
      [['ofd:CreatorVersion'], '?'],
      [['ofd:CustomDatas'], '?'],
    ],
  },
  // A UUID's 32 hex digits.
  'ofd:DocID': { attrs: {}, children: [], text: /^[0-9a-f]{32}$/ },
  'ofd:Title': { attrs: {}, children: [], text: plain },
  'ofd:Author': { attrs: {}, children: [], text: plain },
  'ofd:Subject': { attrs: {}, children: [], text: plain },
  'ofd:CreationDate': { attrs: {}, children: [], text: /^\d{4}-\d{2}-\d{2}$/ },
  'ofd:DocUsage': { attrs: {}, children: [], text: /^(Normal|EBook|ENewsPaper|EMagzine)$/ },
  'ofd:Keywords': { attrs: {}, children: [[['ofd:Keyword'], '+']] },
  'ofd:Keyword': { attrs: {}, children: [], text: plain },
  'ofd:Creator': { attrs: {}, children: [], text: plain },
  'ofd:DocRoot': { attrs: {}, children: [], text: loc },
  // 7.5 文档根节点 (表 5)
  'ofd:Document': {
    attrs: {},
    children: [
      [['ofd:CommonData'], '1'],
      [['ofd:Pages'], '1'],
      [['ofd:Outlines'], '?'],
      [['ofd:Permissions'], '?'],
      [['ofd:Actions'], '?'],
      [['ofd:VPreferences'], '?'],
      [['ofd:Bookmarks'], '?'],
      [['ofd:Annotations'], '?'],
      [['ofd:CustomTags'], '?'],
      [['ofd:Attachments'], '?'],
      [['ofd:Extensions'], '?'],
    ],
  },
  // 7.5 表 6 文档公共数据
  'ofd:CommonData': {
    attrs: {},
    children: [
      [['ofd:MaxUnitID'], '1'],
      [['ofd:PageArea'], '1'],
      [['ofd:PublicRes'], '*'],
      [['ofd:DocumentRes'], '*'],
      [['ofd:TemplatePage'], '*'],
      [['ofd:DefaultCS'], '?'],
    ],
  },
  'ofd:MaxUnitID': { attrs: {}, children: [], text: /^\d+$/ },
  'ofd:PublicRes': { attrs: {}, children: [], text: loc },
  'ofd:DocumentRes': { attrs: {}, children: [], text: loc },
  // 7.6 表 8 页面区域
  'ofd:PageArea': pageArea,
  'ofd:Area': pageArea,
  'ofd:PhysicalBox': { attrs: {}, children: [], text: box },
  // 7.6 表 11 页树
  'ofd:Pages': { attrs: {}, children: [[['ofd:Page'], '+']] },
  // 7.7 表 12 页对象 (the root of a page's Content.xml; a page entry of Pages is checked apart)
  'ofd:Page': {
    attrs: {},
    children: [
      [['ofd:Template'], '*'],
      [['ofd:PageRes'], '*'],
      [['ofd:Area'], '?'],
      [['ofd:Content'], '?'],
      [['ofd:Actions'], '?'],
    ],
  },
  'ofd:Content': { attrs: {}, children: [[['ofd:Layer'], '+']] },
  // 7.7 表 15 图层
  'ofd:Layer': {
    attrs: { ID: 'required', Type: 'optional', DrawParam: 'optional' },
    children: [[['ofd:TextObject', 'ofd:PathObject', 'ofd:ImageObject', 'ofd:CompositeObject', 'ofd:PageBlock'], '*']],
  },
  // 7.9 表 17 资源
  'ofd:Res': {
    attrs: { BaseLoc: 'required' },
    children: [
      [['ofd:ColorSpaces'], '?'],
      [['ofd:DrawParams'], '?'],
      [['ofd:Fonts'], '?'],
      [['ofd:MultiMedias'], '?'],
      [['ofd:CompositeGraphicUnits'], '?'],
    ],
  },
  'ofd:Fonts': { attrs: {}, children: [[['ofd:Font'], '+']] },
  // 11.1 表 44 字形
  'ofd:Font': {
    attrs: { ID: 'required', FontName: 'required', FamilyName: 'optional', Charset: 'optional', Italic: 'optional', Bold: 'optional', Serif: 'optional', FixedWidth: 'optional' },
    children: [[['ofd:FontFile'], '?']],
  },
  'ofd:FontFile': { attrs: {}, children: [], text: loc },
  'ofd:MultiMedias': { attrs: {}, children: [[['ofd:MultiMedia'], '+']] },
  // 7.9 表 22 多媒体
  'ofd:MultiMedia': { attrs: { ID: 'required', Type: 'required', Format: 'optional' }, children: [[['ofd:MediaFile'], '1']] },
  'ofd:MediaFile': { attrs: {}, children: [], text: loc },
  // 11.2 表 45 文字对象 (CT_Text, after CT_GraphicUnit 表 38)
  'ofd:TextObject': {
    attrs: { ...graphicUnitAttrs, Font: 'required', Size: 'required', Stroke: 'optional', Fill: 'optional', HScale: 'optional', ReadDirection: 'optional', CharDirection: 'optional', Weight: 'optional', Italic: 'optional' },
    children: [...graphicUnitChildren, [['ofd:FillColor'], '?'], [['ofd:StrokeColor'], '?'], [['ofd:CGTransform', 'ofd:TextCode'], '+']],
  },
  // 11.3 表 46 文字定位
  'ofd:TextCode': { attrs: { X: 'optional', Y: 'optional', DeltaX: 'optional', DeltaY: 'optional' }, children: [], text: /^[\s\S]+$/ },
  // 9.1 表 37 图形对象 (CT_Path)
  'ofd:PathObject': {
    attrs: { ...graphicUnitAttrs, Stroke: 'optional', Fill: 'optional', Rule: 'optional' },
    children: [...graphicUnitChildren, [['ofd:StrokeColor'], '?'], [['ofd:FillColor'], '?'], [['ofd:AbbreviatedData'], '1']],
  },
  'ofd:AbbreviatedData': { attrs: {}, children: [], text: /^([SMLQBACZ]( -?\d+(\.\d+)?)*\s*)+$/ },
  // 10.1 表 43 图像对象 (CT_Image)
  'ofd:ImageObject': { attrs: { ...graphicUnitAttrs, ResourceID: 'required', Substitution: 'optional', ImageMask: 'optional' }, children: [...graphicUnitChildren, [['ofd:Border'], '?']] },
  'ofd:FillColor': color,
  'ofd:StrokeColor': color,
};

/** The page entries of Document.xml's Pages (7.6 表 11): ID and BaseLoc, both required. */
export const pageEntryRule: ElementRule = { attrs: { ID: 'required', BaseLoc: 'required' }, children: [] };

/** Every departure of `root` (and the elements in it) from the rules: unknown elements, attributes, order, counts, text. */
export function structureErrors(root: XmlElement, part: string): string[] {
  const errors: string[] = [];
  const check = (el: XmlElement, path: string, rule: ElementRule | undefined): void => {
    if (!rule) return void errors.push(`${part}: ${path}: element not in the standard's structure`);
    for (const [name, need] of Object.entries(rule.attrs)) if (need === 'required' && !(name in el.attrs)) errors.push(`${part}: ${path}: required attribute ${name} missing`);
    for (const name of Object.keys(el.attrs)) if (!(name in rule.attrs) && name !== 'xmlns:ofd') errors.push(`${part}: ${path}: attribute ${name} not allowed`);
    if (rule.text) {
      if (!rule.text.test(el.text)) errors.push(`${part}: ${path}: text ${JSON.stringify(el.text.slice(0, 40))} has not the form the standard gives`);
    } else if (el.text.trim()) errors.push(`${part}: ${path}: text where the standard has none`);
    // Walk the sequence: each child must match the current group or a later one.
    let group = 0;
    const counts = rule.children.map(() => 0);
    for (const child of el.children) {
      while (group < rule.children.length && !rule.children[group]![0].includes(child.name)) group++;
      if (group === rule.children.length) {
        errors.push(`${part}: ${path}: <${child.name}> out of the standard's order or not allowed here`);
        break;
      }
      counts[group]!++;
      const childRule = el.name === 'ofd:Pages' && child.name === 'ofd:Page' ? pageEntryRule : ofdRules[child.name];
      check(child, `${path}/${child.name}`, childRule);
    }
    rule.children.forEach(([names, count], i) => {
      const n = counts[i]!;
      if ((count === '1' || count === '+') && n === 0) errors.push(`${part}: ${path}: required <${names.join('|')}> missing`);
      if ((count === '1' || count === '?') && n > 1) errors.push(`${part}: ${path}: <${names.join('|')}> occurs ${n} times`);
    });
  };
  check(root, root.name, ofdRules[root.name]);
  return errors;
}
