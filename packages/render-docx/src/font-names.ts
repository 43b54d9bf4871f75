import type { FontRole } from '@gongwen/model';
import { fontRoles } from '@gongwen/model';

/** The family names written into the DOCX, per font role. */
export type FontNames = Record<FontRole, string>;

/**
 * The names a government PC has (the first of each role's families in the layout spec), with
 * the caller's overrides: a style may prefer `仿宋` over `仿宋_GB2312`, say.
 */
export function resolveFontNames(overrides: Partial<Record<FontRole, string>> = {}): FontNames {
  const names = {} as FontNames;
  for (const role of Object.keys(fontRoles) as FontRole[]) {
    const override = overrides[role]?.trim();
    names[role] = override || (fontRoles[role].families[0] ?? role);
  }
  return names;
}

/**
 * `w:rFonts` for a role: the role's Chinese family in every slot (`layout.text.oneFontPerRun`),
 * so letters, digits and the characters Unicode shares between scripts (“ ” — … ·) are drawn in
 * it whichever script a client assigns them; `hint="eastAsia"` says the same to Word.
 */
export function runFonts(names: FontNames, role: FontRole) {
  const family = names[role];
  return { ascii: family, hAnsi: family, cs: family, eastAsia: family, hint: 'eastAsia' };
}
