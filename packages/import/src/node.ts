import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, extname, join } from 'node:path';
import { error } from '@gongwen/diagnostics';
import { importReport, type ImportOptions, type ImportResult } from './import-report.js';
import { t } from './messages.js';

export { styleFactsOf } from './recognise.js';

/** Extensions LibreOffice turns into a .docx first: old Word, WPS, RTF, OpenDocument. */
export const convertedExtensions = ['.doc', '.wps', '.wpt', '.dot', '.rtf', '.odt'];

/** The soffice binary: `$SOFFICE` when set (`SOFFICE=none`: as if absent), else on PATH or where Debian and macOS put it. */
export function findSoffice(): string | undefined {
  const configured = process.env.SOFFICE;
  if (configured) return configured === 'none' || !existsSync(configured) ? undefined : configured;
  const candidates = [
    ...(process.env.PATH ?? '').split(delimiter).flatMap((dir) => (dir ? [join(dir, 'soffice'), join(dir, 'libreoffice')] : [])),
    '/usr/lib/libreoffice/program/soffice',
    '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  ];
  return candidates.find((p) => existsSync(p));
}

/**
 * Saves a document as .docx with LibreOffice (as a typist's Word would), in a private profile so
 * parallel runs do not lock one another. Rejects when soffice fails or writes nothing.
 */
export async function convertToDocx(soffice: string, bytes: Uint8Array, extension: string): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'gongwen-import-'));
  try {
    // A fixed name: the user's file name never reaches the command line.
    const input = join(dir, `input${/^\.[a-z]{2,4}$/i.test(extension) ? extension.toLowerCase() : '.doc'}`);
    await writeFile(input, bytes);
    await new Promise<void>((resolve, reject) =>
      execFile(soffice, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(dir, 'out'), input], { timeout: 120_000 }, (e) => (e ? reject(e) : resolve())),
    );
    return new Uint8Array(await readFile(join(dir, 'out', 'input.docx')));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * importReport for a file's bytes in Node: `.doc` / `.wps` (and RTF, ODT) are first converted to
 * .docx by LibreOffice when it is installed; without it, one clear error says how to get a .docx.
 */
export async function importDocument(bytes: Uint8Array, options: ImportOptions & { filename: string }): Promise<ImportResult> {
  const ext = extname(options.filename).toLowerCase();
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  const spreadsheet = /^\.(xls|xlsx|et|ods|csv)$/.test(ext);
  if (!spreadsheet && (convertedExtensions.includes(ext) || ole)) {
    const soffice = findSoffice();
    const lang = options.lang;
    if (!soffice) {
      return {
        diagnostics: [
          error('import/needs-libreoffice', t(lang, `${ext || '此'} 文件需要 LibreOffice 才能读取，但本机没有找到 soffice`, `a ${ext || 'file of this kind'} needs LibreOffice to be read, and soffice was not found`), {
            file: options.filename,
            hint: t(lang, '安装 LibreOffice（Debian/Ubuntu：apt-get install libreoffice-writer-nogui），或在 Word/WPS 中“另存为”.docx 后再导入。', 'Install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui), or save the file as .docx in Word/WPS and import that.'),
          }),
        ],
      };
    }
    let docx: Uint8Array;
    try {
      docx = await convertToDocx(soffice, bytes, ext);
    } catch {
      return {
        diagnostics: [
          error('import/conversion-failed', t(lang, 'LibreOffice 无法打开这个文件（文件可能已损坏或有密码）', 'LibreOffice could not open this file (it may be damaged or password-protected)'), {
            file: options.filename,
            hint: t(lang, '在 Word/WPS 中打开并另存为 .docx 后再导入。', 'Open it in Word/WPS, save it as .docx, and import that.'),
          }),
        ],
      };
    }
    return importReport(docx, { ...options, format: 'docx' });
  }
  return importReport(bytes, options);
}
