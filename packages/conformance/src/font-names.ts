/** Subset fonts carry a six-capital tag (ISO 32000-1 §9.6.4): `ABCDEF+NotoSerifSC-Regular`. */
const SUBSET_TAG = /^[A-Z]{6}\+/;

export function isSubsetName(name: string): boolean {
  return SUBSET_TAG.test(name);
}

/** `ABCDEF+NotoSerifSC-Regular` → `NotoSerifSC-Regular`. */
export function baseFontName(name: string): string {
  return name.replace(SUBSET_TAG, '');
}
