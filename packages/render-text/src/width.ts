/** Display width in characters of the body size: a Chinese character is 1, a Latin one ½. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u0000-\u00ff\u2000-\u206f]/.test(ch) && ch !== '—' ? 0.5 : 1;
  return w;
}

/** Full-width spaces, the only spacing a Chinese plain-text reader sees as indentation. */
export function spaces(n: number): string {
  return '　'.repeat(Math.max(0, Math.floor(n)));
}
