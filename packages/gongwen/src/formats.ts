import type { StageName } from './stages.js';

/** The outputs the facade can produce. */
export type Format = 'pdf' | 'docx' | 'txt' | 'md' | 'html' | 'ofd';

export const allFormats: readonly Format[] = ['pdf', 'docx', 'txt', 'md', 'html', 'ofd'];

/** The stages each format needs besides loading and composing. */
export const formatStages: Record<Format, StageName[]> = {
  pdf: ['fonts', 'pdf'],
  docx: ['docx'],
  txt: ['text'],
  md: ['text'],
  html: ['html'],
  // The OFD draws the pages the PDF lays out: one layout for both.
  ofd: ['fonts', 'pdf', 'ofd'],
};

export function isFormat(value: string): value is Format {
  return (allFormats as readonly string[]).includes(value);
}
