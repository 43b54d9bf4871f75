import type { Lang } from '@gongwen/diagnostics';
import type { RoleExplanation } from './resolve-fonts.js';

const words = {
  zh: {
    roles: { title: '标题（小标宋）', organMark: '发文机关标志（小标宋）', body: '正文（仿宋）', heading1: '一级标题（黑体）', heading2: '二级标题（楷体）', pageNumber: '页码（宋体）' },
    reasons: {
      'configured-file': '配置的字体文件',
      'configured-folder': '配置的字体目录',
      'installed-official': '已安装的正式字体',
      'installed-look-alike': '已安装的近似字体',
      'bundled-stand-in': '内置开源替代字体',
      missing: '缺失',
    },
    none: '（无）',
    fallbacks: '后备',
    advice: (wanted: string) => `如需正式效果，请安装“${wanted}”或用 --font-dir 指定其所在目录`,
  },
  en: {
    roles: { title: 'title (小标宋)', organMark: 'organ mark (小标宋)', body: 'body (仿宋)', heading1: 'level-1 heading (黑体)', heading2: 'level-2 heading (楷体)', pageNumber: 'page number (宋体)' },
    reasons: {
      'configured-file': 'configured file',
      'configured-folder': 'configured folder',
      'installed-official': 'installed official font',
      'installed-look-alike': 'installed look-alike',
      'bundled-stand-in': 'bundled open stand-in',
      missing: 'missing',
    },
    none: '(none)',
    fallbacks: 'fallbacks',
    advice: (wanted: string) => `for the exact official look, install "${wanted}" or point --font-dir at its folder`,
  },
} as const;

/** The `gongwen fonts` listing: per role the file used, why, and what is missing for an exact look. */
export function formatFontExplanation(entries: readonly RoleExplanation[], lang: Lang = 'zh'): string {
  const w = words[lang];
  return entries
    .map((e) => {
      const head = `${w.roles[e.role]}: ${e.font ? `${e.font.family} — ${e.font.path}${e.font.face ? ` (${e.font.face})` : ''}` : w.none} [${w.reasons[e.reason]}]`;
      const lines = [head];
      if (e.fallbacks.length) lines.push(`  ${w.fallbacks}: ${e.fallbacks.join(', ')}`);
      if (e.standIn?.note) lines.push(`  ${e.standIn.note[lang]}`);
      if (!e.exact) lines.push(`  ${w.advice(e.wanted)}`);
      return lines.join('\n');
    })
    .join('\n');
}
