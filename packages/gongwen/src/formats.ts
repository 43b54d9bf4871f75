import type { StageName } from './stages.js';
import { loadStage } from './stages.js';

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

/** Whether the packages a format needs are present, so callers can say "not available yet" instead of failing. */
export async function formatAvailable(format: Format): Promise<boolean> {
  for (const stage of ['schema', 'compose', ...formatStages[format]] as StageName[]) {
    if (!(await loadStage(stage))) return false;
  }
  return true;
}

/** The formats this installation can render. */
export async function availableFormats(): Promise<Format[]> {
  const out: Format[] = [];
  for (const f of allFormats) if (await formatAvailable(f)) out.push(f);
  return out;
}
