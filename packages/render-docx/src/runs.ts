import type { Diagnostic } from '@gongwen/diagnostics';
import type { FontRole } from '@gongwen/model';
import { fontRoles } from '@gongwen/model';
import { TextRun } from 'docx';
import type { FontNames } from './font-names.js';
import { runFonts } from './font-names.js';
import { roleSize } from './geometry.js';

/** What every element builder needs: the font names in use and a place to report problems. */
export interface BuildContext {
  names: FontNames;
  diagnostics: Diagnostic[];
}

/**
 * A run of text in a font role. The paragraph's style already gives `styleRole`'s size and
 * colour; only a run in another role repeats them. The font names are written on every run, so
 * the eastAsia slot is never left to a theme font a government PC lacks.
 */
export function textRun(
  ctx: BuildContext,
  text: string,
  role: FontRole,
  styleRole: FontRole,
  extra: { bold?: boolean; characterSpacing?: number } = {},
): TextRun {
  const spec = fontRoles[role];
  const differs = role !== styleRole;
  return new TextRun({
    text,
    font: runFonts(ctx.names, role),
    ...(differs || spec.size !== fontRoles[styleRole].size
      ? { size: roleSize(role), sizeComplexScript: roleSize(role) }
      : {}),
    ...(differs && spec.color !== fontRoles[styleRole].color ? { color: spec.color } : {}),
    ...(extra.bold !== undefined && extra.bold !== fontRoles[styleRole].bold ? { bold: extra.bold } : {}),
    ...(extra.characterSpacing !== undefined ? { characterSpacing: extra.characterSpacing } : {}),
  });
}

/**
 * Width of a text in characters of its own size: Chinese characters and full-width forms count
 * one, ASCII (digits in dates, Latin letters) half. Used to place the signature and date.
 */
export function textWidthChars(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! < 0x2e80 && !/[—…“”‘’·]/u.test(ch) ? 0.5 : 1;
  return width;
}
