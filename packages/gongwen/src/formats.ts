import type { StageName } from './stages.js';

/** The outputs the facade can produce. */
export type Format = 'pdf' | 'docx' | 'txt' | 'md';

export const allFormats: readonly Format[] = ['pdf', 'docx', 'txt', 'md'];

/** The stages each format needs besides loading and composing. */
export const formatStages: Record<Format, StageName[]> = {
  pdf: ['fonts', 'pdf'],
  docx: ['docx'],
  txt: ['text'],
  md: ['text'],
};

export function isFormat(value: string): value is Format {
  return (allFormats as readonly string[]).includes(value);
}
