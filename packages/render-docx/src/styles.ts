import type { IStylesOptions } from 'docx';
import { AlignmentType, LineRuleType } from 'docx';
import { fontRoles, layout } from '@gongwen/model';
import type { FontNames } from './font-names.js';
import { runFonts } from './font-names.js';
import type { StyleSwitches } from './style-properties.js';
import { docxElements, docxGeometry, roleSize } from './geometry.js';

/** Style ids the document's paragraphs refer to. Built-in ids where Word has one. */
export const styleIds = {
  normal: 'Normal',
  body: 'BodyText',
  title: 'Title',
  organMark: 'OrganMark',
  heading: { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3', 4: 'Heading4' },
  footer: 'Footer',
  endMatter: 'EndMatter',
} as const;

/**
 * Paragraph switches docx cannot write on a style, set after it has written the styles.
 * Normal:
 * - no widow control: LibreOffice applies it to DOCX paragraphs and leaves 21-line pages;
 * - overflowPunct written as 1: LibreOffice (7.4, and its importer to this day) reads it as
 *   “no hanging punctuation”, the rule of layout.text.hangingPunctuation, which it follows; read
 *   the other way it hangs ，。 past the margin and drops the hanging glyph from justified lines.
 *   Word reads the element literally and may hang a closing mark there (see the README).
 * Headings: keepNext, so none ends a page.
 * Title and 发文机关标志: their lines are taller than the grid pitch, so they keep their exact
 * spacing off the grid (snapToGrid off); on the grid LibreOffice gives them two lines each.
 */
export const styleSwitches: StyleSwitches = {
  [styleIds.normal]: { widowControl: false, overflowPunct: true },
  [styleIds.title]: { snapToGrid: false },
  [styleIds.organMark]: { snapToGrid: false },
  // Headings stay with the text they head (Word's built-in headings do the same).
  ...Object.fromEntries(Object.values(styleIds.heading).map((id) => [id, { keepNext: layout.headings.keepWithNext, keepLines: true }])),
};

/** Exact spacing on the 22-line grid. `LineRuleType.EXACT` writes "exact"; EXACTLY writes an invalid value. */
export const gridSpacing = { line: docxGeometry.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

const firstLineIndent = {
  firstLine: docxElements.paragraphIndent,
  firstLineChars: docxElements.paragraphIndentChars,
};

/**
 * Real Word styles, so a user who edits the file keeps the format: Normal is 3号仿宋 on the
 * grid; the four heading levels are Word's built-in Heading 1–4 with outline levels (navigation
 * pane, tables of contents); Title is 2号小标宋.
 */
export function buildStyles(names: FontNames): IStylesOptions {
  const bodyRun = {
    font: runFonts(names, 'body'),
    size: roleSize('body'),
    sizeComplexScript: roleSize('body'),
    characterSpacing: docxGeometry.bodyCondense,
    color: fontRoles.body.color,
    // Chinese text is Chinese to the client, so it breaks lines by its Chinese rules (Word's
    // kinsoku lists are per language; LibreOffice picks its break iterator by it).
    language: { eastAsia: 'zh-CN' },
  };
  const heading = (level: 1 | 2 | 3 | 4) => {
    const role = layout.headings.roles[level];
    return {
      id: styleIds.heading[level],
      name: `heading ${level}`,
      basedOn: styleIds.normal,
      next: styleIds.body,
      quickFormat: true,
      uiPriority: 9,
      run: {
        font: runFonts(names, role),
        size: roleSize(role),
        sizeComplexScript: roleSize(role),
        bold: fontRoles[role].bold,
        color: fontRoles[role].color,
      },
      paragraph: { outlineLevel: level - 1, indent: firstLineIndent, alignment: AlignmentType.JUSTIFIED },
    };
  };
  return {
    default: {
      document: { run: bodyRun, paragraph: { spacing: gridSpacing } },
    },
    paragraphStyles: [
      {
        id: styleIds.normal,
        name: 'Normal',
        quickFormat: true,
        run: bodyRun,
        paragraph: { spacing: gridSpacing, alignment: AlignmentType.JUSTIFIED },
      },
      {
        id: styleIds.body,
        name: 'Body Text',
        basedOn: styleIds.normal,
        quickFormat: true,
        paragraph: { indent: firstLineIndent },
      },
      {
        id: styleIds.title,
        name: 'Title',
        basedOn: styleIds.normal,
        next: styleIds.normal,
        quickFormat: true,
        uiPriority: 10,
        run: {
          font: runFonts(names, 'title'),
          size: roleSize('title'),
          sizeComplexScript: roleSize('title'),
          bold: fontRoles.title.bold,
          color: fontRoles.title.color,
        },
        paragraph: { alignment: AlignmentType.CENTER },
      },
      {
        id: styleIds.organMark,
        name: '发文机关标志',
        basedOn: styleIds.normal,
        run: {
          font: runFonts(names, 'organMark'),
          size: roleSize('organMark'),
          sizeComplexScript: roleSize('organMark'),
          bold: fontRoles.organMark.bold,
          color: fontRoles.organMark.color,
          // The mark is centred, not set on the character grid.
          characterSpacing: 0,
        },
        paragraph: { alignment: AlignmentType.CENTER },
      },
      heading(1),
      heading(2),
      heading(3),
      heading(4),
      {
        id: styleIds.footer,
        name: 'footer',
        basedOn: styleIds.normal,
        run: {
          font: runFonts(names, 'pageNumber'),
          size: roleSize('pageNumber'),
          sizeComplexScript: roleSize('pageNumber'),
          characterSpacing: 0,
          color: fontRoles.pageNumber.color,
        },
        paragraph: {
          spacing: { line: docxGeometry.pageNumberLine, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        },
      },
      {
        id: styleIds.endMatter,
        name: '版记',
        basedOn: styleIds.normal,
        run: { size: docxElements.endMatterSize, sizeComplexScript: docxElements.endMatterSize, characterSpacing: 0 },
        paragraph: {
          alignment: AlignmentType.LEFT,
          indent: { left: docxElements.endMatterInset, right: docxElements.endMatterInset },
        },
      },
    ],
  };
}

/**
 * Word's custom 避头尾 lists (中文版式 → 首尾字符 → 自定义) for Chinese text: the layout spec's, so Word
 * breaks lines as the PDF does (破折号 and 省略号 may start a line). LibreOffice ignores these
 * elements and keeps its own Simplified Chinese lists, which agree with the spec's on Chinese
 * punctuation (see the README).
 */
export function setLineBreakRules(settingsXml: string): string {
  const escape = (chars: string) => chars.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const rules =
    `<w:noLineBreaksAfter w:lang="zh-CN" w:val="${escape(layout.text.noLineEnd)}"/>` +
    `<w:noLineBreaksBefore w:lang="zh-CN" w:val="${escape(layout.text.noLineStart)}"/>`;
  // CT_Settings orders them after strictFirstAndLastChars, before the notes' properties and compat.
  const next = /<w:(?:hdrShapeDefaults|footnotePr|endnotePr|compat|docVars|rsids)\b|<\/w:settings>/.exec(settingsXml);
  return next ? settingsXml.slice(0, next.index) + rules + settingsXml.slice(next.index) : settingsXml;
}
