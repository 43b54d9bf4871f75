import { readFileSync } from 'node:fs';

export const examplesDir = new URL('../../../examples/', import.meta.url);
export const liaoning = readFileSync(new URL('liaoning-zhuanghe-taipingling-2023.yaml', examplesDir), 'utf8');
export const national = readFileSync(new URL('national-jiaokou-2021.yaml', examplesDir), 'utf8');
export const sealPng = readFileSync(new URL('../../render-pdf/test/fixtures/seal.png', import.meta.url));

/** The national example with a seal image named `seal.png`. */
export const nationalWithSeal = national.replace(/^(signature:\n)/m, '$1  seals: [seal.png]\n');

/** Polls `check` until it gives a value, with a generous bound: a busy machine is slow, not wrong. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, what: string, limitMs = 240_000): Promise<T> {
  const until = Date.now() + limitMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
