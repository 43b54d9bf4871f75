import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The repository's fontconfig map: official font names → the open fonts Debian installs. */
export const fontsConf = resolve(fileURLToPath(import.meta.url), '../../../../fonts.conf');

/**
 * The soffice binary: `$SOFFICE` when set (`SOFFICE=none` to run as if LibreOffice were
 * absent), else on PATH or at Debian's and macOS's usual places.
 */
export function findSoffice(): string | undefined {
  const configured = process.env.SOFFICE;
  if (configured) return configured === 'none' || !existsSync(configured) ? undefined : configured;
  const candidates = [
    ...(process.env.PATH ?? '').split(delimiter).flatMap((dir) => [join(dir, 'soffice'), join(dir, 'libreoffice')]),
    '/usr/lib/libreoffice/program/soffice',
    '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  ];
  return candidates.find((p) => p && existsSync(p));
}

/**
 * PDF export that keeps the blank pages Writer inserts before an even-page section (it leaves them
 * out by default, as a printer driver would not): the PDF then shows the sheets a double-sided
 * print has, and the 版记's page number is its physical page.
 */
const pdfFilter = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}';

/**
 * Converts DOCX bytes to PDF with LibreOffice, in a private user profile so parallel runs do
 * not share (and lock) one, with the repository's fontconfig map.
 */
export async function docxToPdf(soffice: string, docx: Uint8Array, name: string): Promise<Uint8Array> {
  const [pdf] = await docxToPdfs(soffice, [[name, docx]]);
  return pdf!;
}

/**
 * Converts many DOCX files in one LibreOffice process (starting it costs more than converting a
 * report), in the order given. Names must be distinct file names without an extension.
 */
export async function docxToPdfs(soffice: string, files: readonly (readonly [string, Uint8Array])[]): Promise<Uint8Array[]> {
  const dir = await mkdtemp(join(tmpdir(), 'gongwen-lo-'));
  try {
    const inputs = await Promise.all(
      files.map(async ([name, docx]) => {
        const input = join(dir, `${name}.docx`);
        await writeFile(input, docx);
        return input;
      }),
    );
    await run(
      soffice,
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', pdfFilter, '--outdir', dir, ...inputs],
      { env: { ...process.env, FONTCONFIG_FILE: fontsConf }, timeout: 600_000 + 10_000 * files.length, maxBuffer: 16 * 1024 * 1024 },
    );
    return await Promise.all(files.map(async ([name]) => new Uint8Array(await readFile(join(dir, `${name}.pdf`)))));
  } finally {
    if (process.env.GONGWEN_KEEP_LO_OUTPUT) {
      console.log(`LibreOffice output kept in ${dir}`);
    } else {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
