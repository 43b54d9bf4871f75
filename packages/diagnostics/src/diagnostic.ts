/** How serious a message is: an `error` stops a render, a `warning` does not. */
export type Severity = 'error' | 'warning' | 'info';

/** Languages messages are written in. Chinese is the default. */
export type Lang = 'zh' | 'en';

/**
 * One message about one place in one input, the only shape any gongwen package reports in.
 * Lines and columns are 1-based, as editors and compilers print them.
 */
export interface Diagnostic {
  severity: Severity;
  /** Stable id such as `schema/required`, `yaml/syntax`, `template/unknown-tag`. */
  ruleId: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** Path into the data, e.g. `parts[1].body[0].lead`. */
  path?: string;
  /** What to do about it. */
  hint?: string;
}

/**
 * What every stage returns: its diagnostics, next to what it made under that thing's own name
 * (`report`, `style`, `document`, `pdf`, `docx` …), which is absent when it could not make it.
 * A caller chaining stages gathers the diagnostics of each and goes on while there is no error.
 */
export interface Result {
  diagnostics: Diagnostic[];
}

/**
 * The message in the reader's language, Chinese unless `lang` is `'en'`: every package words its
 * messages through this one helper, the two wordings side by side where the message is made.
 */
export function say(lang: Lang | undefined, zh: string, en: string): string {
  return lang === 'en' ? en : zh;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function error(ruleId: string, message: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { severity: 'error', ruleId, message, ...extra };
}

export function warning(ruleId: string, message: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { severity: 'warning', ruleId, message, ...extra };
}

/** Orders diagnostics by file, then position, keeping the original order for ties. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        (a.d.file ?? '').localeCompare(b.d.file ?? '') ||
        (a.d.line ?? 0) - (b.d.line ?? 0) ||
        (a.d.column ?? 0) - (b.d.column ?? 0) ||
        a.i - b.i,
    )
    .map(({ d }) => d);
}
