import { writeYaml, type Report } from '@gongwen/schema';
import type { Note } from './recognise.js';

export interface WriteYamlOptions {
  /** Where the editor finds the schema: a path relative to the YAML file, or a URL. */
  schema: string;
  /** Comments for the top of the file, one per line. */
  preface: readonly string[];
  notes: readonly Note[];
}

/** A comment's text on one line, without anything YAML would read as the end of the comment. */
const oneLine = (s: string) => ` ${s.replace(/[\r\n]+/g, ' ')}`;

/**
 * The report as a YAML data file: the language-server line first, then the preface, then the data
 * with each note as a comment at its value (on the line of a scalar, above a mapping or list).
 * Text is written as the data holds it; the YAML library quotes whatever would otherwise be read
 * differently (a leading `-`, `: ` inside, a number-like string).
 */
export function writeReportYaml(report: Report, options: WriteYamlOptions): string {
  const head = [`# yaml-language-server: $schema=${options.schema}`, ...(options.preface.length ? ['#', ...options.preface.map((p) => `#${oneLine(p)}`)] : [])];
  const body = writeYaml(report, { comments: options.notes.map((n) => ({ path: n.path, text: n.text })) });
  return `${head.join('\n')}\n\n${body}`;
}
