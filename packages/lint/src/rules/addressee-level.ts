import type { Rule } from '../types.js';

/** An organ of a township (乡, 镇) or a 街道: its name, then a word for the organ. */
const townshipOrgan = /^(?:中共)?(.*?(?:乡|镇|街道))(?:人民政府|政府|党委|委员会|工作委员会|党工委|工委|委|办事处|依法治(?:乡|镇|街)委员会办公室|党政办公室|办公室)/u;

/** The township an organ belongs to, without the county or city before it (`遂溪县乌塘镇人民政府` → `乌塘镇`). */
function township(name: string): string | undefined {
  const m = townshipOrgan.exec(name.trim());
  return m ? m[1]!.replace(/^.*(?:省|自治区|市|州|盟|县|区|旗)/u, '') : undefined;
}

/**
 * A township reports up, to the county (or district) Party committee and government or their
 * 依法治县办: an addressee that is the township itself, or another township, is not the organ the
 * report is owed to.
 */
export const addresseeLevel: Rule = {
  id: 'content/addressee-level',
  severity: 'warning',
  fixable: false,
  description: { zh: '乡镇报告的主送机关不是上级机关', en: 'A township report is addressed to an organ that is not above it' },
  check({ report }) {
    const own = new Set((Array.isArray(report.issuers) ? report.issuers : []).map((o) => (o && typeof o.name === 'string' ? township(o.name) : undefined)));
    own.delete(undefined);
    if (own.size === 0) return [];
    const addressee = report.addressee;
    const entries: { path: (string | number)[]; text: string }[] = Array.isArray(addressee)
      ? addressee.flatMap((a, i) => (typeof a === 'string' ? [{ path: ['addressee', i], text: a }] : []))
      : typeof addressee === 'string'
        ? [{ path: ['addressee'], text: addressee }]
        : [];
    return entries.flatMap(({ path, text }) =>
      text.split(/[、，,；;]/).flatMap((organ) => {
        const name = organ.replace(/[：:]\s*$/, '').trim();
        const place = township(name);
        if (!place) return [];
        const self = own.has(place);
        return [
          {
            path,
            excerpt: { offset: text.indexOf(name), text: name },
            message: self
              ? { zh: `报告主送了本${place.endsWith('街道') ? '街道' : '乡镇'}自己的机关“${name}”`, en: `the report is addressed to the issuer’s own organ “${name}”` }
              : { zh: `主送机关“${name}”与发文机关同为乡镇一级，不是上级机关`, en: `the addressee “${name}” is a township organ, not one above the issuer` },
            hint: {
              zh: '乡镇的年度报告主送上一级党委、政府（如 中共××县委、××县人民政府）或依法治县（区）委员会办公室',
              en: 'a township sends its annual report up, to the county (district) Party committee and government or its 依法治县办',
            },
          },
        ];
      }),
    );
  },
};
