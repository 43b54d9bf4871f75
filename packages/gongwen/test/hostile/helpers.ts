import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoDir = fileURLToPath(new URL('../../../../', import.meta.url));
export const fontsConf = join(repoDir, 'fonts.conf');

/**
 * The schema's fixture with every optional element once — every text field a report can have —
 * plus the two parts every style requires, so that it renders.
 */
export const fullReport = readFileSync(join(repoDir, 'packages/schema/test/fixtures/valid/full.yaml'), 'utf8').replace(
  /^closing:/m,
  '  - kind: shortcomings\n    body: [学法不够深入。]\n  - kind: plans\n    body: [继续推进法治建设。]\nclosing:',
);
export const example = (name: string) => readFileSync(join(repoDir, 'examples', `${name}.yaml`), 'utf8');

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'gongwen-hostile-'));
}

/** The text pdftotext reads out of a PDF: what a reader copying from the file gets. */
export function pdfText(pdf: Uint8Array): string {
  const dir = tempDir();
  try {
    writeFileSync(join(dir, 'a.pdf'), pdf);
    return execFileSync('pdftotext', [join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A real JPEG: the first page of a PDF, rasterised by pdftoppm at a low resolution. */
export function jpegOf(pdf: Uint8Array): Buffer {
  const dir = tempDir();
  try {
    writeFileSync(join(dir, 'a.pdf'), pdf);
    execFileSync('pdftoppm', ['-jpeg', '-r', '12', '-f', '1', '-l', '1', '-singlefile', join(dir, 'a.pdf'), join(dir, 'page')]);
    return readFileSync(join(dir, 'page.jpg'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function findSoffice(): string | undefined {
  const configured = process.env.SOFFICE;
  if (configured) return configured === 'none' || !existsSync(configured) ? undefined : configured;
  return [...(process.env.PATH ?? '').split(delimiter).map((d) => join(d, 'soffice')), '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p));
}

/**
 * The text LibreOffice reads out of a DOCX (converted to plain text in a private profile), or
 * undefined when it cannot open the file — what a user double-clicking it would find.
 */
export function libreOfficeText(soffice: string, docx: Uint8Array): string | undefined {
  const dir = tempDir();
  try {
    writeFileSync(join(dir, 'a.docx'), docx);
    spawnSync(soffice, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, join(dir, 'a.docx')], {
      env: { ...process.env, FONTCONFIG_FILE: fontsConf },
      stdio: 'ignore',
    });
    const out = join(dir, 'a.txt');
    return existsSync(out) ? readFileSync(out, 'utf8') : undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
