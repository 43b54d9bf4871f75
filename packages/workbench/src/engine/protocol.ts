// The messages between the page and the engine worker.
import type { Diagnostic, Lang } from '@gongwen/diagnostics';
import type { CheckReport } from '@gongwen/conformance';
import type { FontRole } from '@gongwen/model';

/** The font files of each role's fallback chain, by file name, and their bytes. */
export interface FontFiles {
  chains: Record<FontRole, string[]>;
  files: Record<string, Uint8Array>;
  /** The face to use of a file that is a TrueType collection. */
  faces?: Record<string, string>;
}

/** A bundled style by name, or a style's files (opened from disk or being edited). */
export type StyleChoice = { name: string } | { name: string; files: Record<string, string> };

export interface RenderRequest {
  type: 'render';
  id: number;
  source: string;
  filename: string;
  style?: StyleChoice;
  formats: ('pdf' | 'docx' | 'txt' | 'md' | 'html' | 'ofd')[];
  lang: Lang;
  /** Measure the PDF against GB/T 9704 too. */
  conformance?: boolean;
}

export interface FontsRequest {
  type: 'fonts';
  id: number;
  fonts: FontFiles;
}

export interface StylesRequest {
  type: 'styles';
  id: number;
}

/** Measures a PDF already made against GB/T 9704. */
export interface CheckRequest {
  type: 'check';
  id: number;
  pdf: Uint8Array;
  lang: Lang;
}

/** The source with the lint fixes of the given findings applied. */
export interface FixRequest {
  type: 'fix';
  id: number;
  source: string;
  diagnostics: Diagnostic[];
}

/** Which roles each font file (picked by the user) can serve, from its family names. */
export interface ClassifyRequest {
  type: 'classify';
  id: number;
  files: Record<string, Uint8Array>;
}

/** An existing report (DOCX, plain text, Markdown, a web page) turned into report YAML. */
export interface ImportRequest {
  type: 'import';
  id: number;
  bytes: Uint8Array;
  filename: string;
  lang: Lang;
}

export type EngineRequest = RenderRequest | FontsRequest | StylesRequest | CheckRequest | FixRequest | ClassifyRequest | ImportRequest;

export interface RenderReply {
  id: number;
  diagnostics: Diagnostic[];
  pdf?: Uint8Array;
  docx?: Uint8Array;
  txt?: string;
  html?: string;
  ofd?: Uint8Array;
  /** The headings of the composed document, in order (to see what a style changed). */
  headings: string[];
  conformance?: CheckReport;
  /** Milliseconds spent rendering (without conformance). */
  renderMs: number;
}

export interface StylesReply {
  id: number;
  styles: { name: string; description?: string; region?: string; files: Record<string, string> }[];
  /** Rule ids whose findings lint can fix. */
  fixable: string[];
}

export interface FontsReply {
  id: number;
  /** Per role, the family names used. */
  families: Record<string, string[]>;
}

export interface CheckReply {
  id: number;
  report: CheckReport;
}

export interface FixReply {
  id: number;
  fixed: string;
}

export interface ClassifyReply {
  id: number;
  /** Per file: its family name and the roles it matches (empty when it matches none). */
  fonts: Record<string, { family: string; roles: FontRole[] }>;
}

export interface ErrorReply {
  id: number;
  error: string;
}

export interface ImportReply {
  id: number;
  /** The report data, when the file could be read; what was guessed is a comment at that line. */
  yaml?: string;
  /** What the import could not place or had to guess, pointing into the imported file. */
  diagnostics: Diagnostic[];
}
