import { listOf } from '../list.js';
import type { Finding, Rule } from '../types.js';
import { reportTexts } from '../walk.js';

/** A 附件说明 typed into the text: `附件：1.……` (GB/T 9704 7.3.5.1). */
const typedNote = /^[\s　]*附件[:：]\s*/u;

/** The titles a typed 附件说明 lists: `1.甲；2.乙` or one title alone. */
function listedTitles(rest: string): string[] {
  const items = rest.split(/\s*(?:^|[；;，,\s　])\s*\d{1,2}\s*[.．、]\s*/u).map((s) => s.replace(/[；;。，,\s]+$/u, '').trim()).filter(Boolean);
  return items.length ? items : rest.trim() ? [rest.replace(/[；;。\s]+$/u, '').trim()] : [];
}

const bare = (s: string) => s.replace(/[《》“”"'\s　]/gu, '');

/**
 * The style prints the 附件说明 from `attachments`, so the two cannot disagree there; a 附件说明
 * typed into a paragraph can: it prints a second one, or one for attachments the report has not got.
 */
export const attachmentNote: Rule = {
  id: 'content/attachment-note',
  severity: 'warning',
  fixable: false,
  description: { zh: '正文里手写的附件说明与附件不一致', en: 'A 附件说明 typed into the text disagrees with the attachments' },
  check({ report }) {
    const findings: Finding[] = [];
    const titles = listOf(report.attachments).map((a) => (a && typeof a.title === 'string' ? a.title : ''));
    for (const entry of reportTexts(report)) {
      if (entry.role !== 'paragraph' && entry.role !== 'closing' && entry.role !== 'text') continue;
      const m = typedNote.exec(entry.text);
      if (!m) continue;
      const listed = listedTitles(entry.text.slice(m[0].length));
      const excerpt = { offset: entry.text.indexOf('附件'), text: m[0].trim() };
      const hint = {
        zh: '删去这段手写的附件说明，把附件写进 attachments（标题和正文），样式会在正文之后排出附件说明',
        en: 'delete the typed 附件说明 and put the attachments under attachments (title and body); the style prints the 附件说明 after the text',
      };
      if (titles.length === 0) {
        findings.push({ path: entry.path, excerpt, message: { zh: `正文里写了附件说明（${listed.length} 件），报告却没有附件（attachments）`, en: `the text has a 附件说明 (${listed.length}), but the report has no attachments` }, hint });
        continue;
      }
      const same = listed.length === titles.length && listed.every((t, i) => bare(t) === bare(titles[i]!));
      findings.push({
        path: entry.path,
        excerpt,
        message: same
          ? { zh: '正文里手写了附件说明，样式还会按 attachments 再排一次', en: 'the text has a typed 附件说明, and the style prints one from attachments as well' }
          : listed.length !== titles.length
            ? { zh: `手写的附件说明列了 ${listed.length} 件，attachments 有 ${titles.length} 件`, en: `the typed 附件说明 lists ${listed.length}, attachments has ${titles.length}` }
            : { zh: `手写的附件说明与 attachments 的标题或顺序不同：${listed.map((t, i) => (bare(t) === bare(titles[i]!) ? '' : `第 ${i + 1} 件“${t}”/“${titles[i]}”`)).filter(Boolean).join('，')}`, en: 'the typed 附件说明 names other titles, or another order, than attachments' },
        hint,
      });
    }
    return findings;
  },
};
