import { error, say, sortDiagnostics, type Diagnostic, type Lang } from '@gongwen/diagnostics';
import type { Report } from './report.generated.js';
import { refuseForbiddenChars } from './forbidden-chars.js';
import { validateData } from './validate.js';

export interface ValidateReportResult {
  /** The same data, typed, when it is a valid report. */
  report?: Report;
  /** Schema violations, each with its data path (`parts[1].body[0].lead`); no source positions. */
  diagnostics: Diagnostic[];
}

/**
 * Validates report data that did not come from YAML text (a JSON body, an object built in code)
 * with the same rules and messages as `loadReport`.
 */
export function validateReport(data: unknown, options: { lang?: Lang } = {}): ValidateReportResult {
  const lang: Lang = options.lang === 'en' ? 'en' : 'zh';
  let diagnostics: Diagnostic[];
  try {
    diagnostics = sortDiagnostics([...refuseForbiddenChars(data, lang), ...validateData(data, { lang })]);
  } catch (e) {
    // Objects built in code can nest without end or refer to themselves; YAML input is checked before.
    if (!(e instanceof RangeError)) throw e;
    diagnostics = [
      error('input/too-deep', say(lang, '数据嵌套太深，或包含了它自己', 'the data is nested too deep, or contains itself')),
    ];
  }
  return diagnostics.length === 0 ? { report: data as Report, diagnostics } : { diagnostics };
}
