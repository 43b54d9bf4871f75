/** XML text and attribute values escaped: report data can never open an element or an attribute. */
export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // Characters XML 1.0 cannot carry at all (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/F).
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
  );
}

/** A length in mm as OFD writes it: at most four decimals, no trailing zeros, never "-0". */
export function num(value: number): string {
  const rounded = Math.round(value * 10_000) / 10_000;
  return Object.is(rounded, -0) || rounded === 0 ? '0' : String(rounded);
}

/** An ST_Array of lengths, runs of one value written as `g count value` (GB/T 33190 11.3). */
export function deltas(values: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < values.length; ) {
    const v = num(values[i]!);
    let j = i + 1;
    while (j < values.length && num(values[j]!) === v) j++;
    parts.push(j - i > 1 ? `g ${j - i} ${v}` : v);
    i = j;
  }
  return parts.join(' ');
}

/** An RRGGBB colour as an RGB CT_Color value, `255 0 0`. */
export function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(0, 6).padEnd(6, '0'), 16);
  return `${(n >> 16) & 255} ${(n >> 8) & 255} ${n & 255}`;
}

export const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8"?>\n';
export const ofdNamespace = 'http://www.ofdspec.org/2016';
