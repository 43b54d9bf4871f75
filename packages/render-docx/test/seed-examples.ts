import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeDocument, loadStyle } from '@gongwen/compose';
import type { Document } from '@gongwen/model';
import { loadReport } from '@gongwen/schema';
import { readStyleFiles, stylesDir } from '@gongwen/templates';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Every seed example in `examples/`, composed in its own style: the reports the project is built from. */
export function seedDocuments(): [string, Document][] {
  const dir = join(repoRoot, 'examples');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const { report, diagnostics } = loadReport(readFileSync(join(dir, file), 'utf8'), { filename: file });
      if (!report) throw new Error(`${file} does not load: ${JSON.stringify(diagnostics)}`);
      const name = report.style ?? 'national';
      const { style, diagnostics: styleDiagnostics } = loadStyle(readStyleFiles(join(stylesDir, name)), { name });
      if (!style) throw new Error(`style ${name} does not load: ${JSON.stringify(styleDiagnostics)}`);
      const { document, diagnostics: composeDiagnostics } = composeDocument(report, style);
      if (!document) throw new Error(`${file} does not compose: ${JSON.stringify(composeDiagnostics)}`);
      return [file, document] as [string, Document];
    });
}
