// The YAML editor: CodeMirror 6 with its YAML language, completion and hover from the report
// schema, and gongwen's diagnostics shown as squiggles where they point.
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, foldGutter, indentOnInput, syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { Compartment, EditorState, type Extension, type Text } from '@codemirror/state';
import { EditorView, hoverTooltip, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import type { Diagnostic } from '@gongwen/diagnostics';
import { pathAt, type SchemaHelp } from './schema-help.js';

export interface EditorOptions {
  parent: HTMLElement;
  text: string;
  schema?: SchemaHelp;
  language?: 'yaml' | 'handlebars';
  onChange(text: string): void;
  /** Fixes for a diagnostic, when lint has one. */
  fix?(d: Diagnostic): Promise<string | undefined>;
  fixable?(d: Diagnostic): boolean;
}

export function createEditor(options: EditorOptions): EditorView {
  const extensions: Extension[] = [
    lineNumbers(),
    foldGutter(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    highlightActiveLine(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
    lintGutter(),
    EditorView.lineWrapping,
    EditorView.updateListener.of((u) => {
      if (u.docChanged) options.onChange(u.state.doc.toString());
    }),
  ];
  if (options.language !== 'handlebars') extensions.push(yaml());
  if (options.schema) {
    const schema = options.schema;
    extensions.push(autocompletion({ override: [(ctx) => complete(ctx, schema)] }), hoverTooltip((view, pos) => hover(view, pos, schema)));
  }
  return new EditorView({ parent: options.parent, state: EditorState.create({ doc: options.text, extensions: [...extensions, readOnly.of([])] }) });
}

const readOnly = new Compartment();

/** Puts gongwen's diagnostics on the text as squiggles (errors red, warnings yellow). */
export function showDiagnostics(view: EditorView, diagnostics: readonly Diagnostic[], options: Pick<EditorOptions, 'fix' | 'fixable'> = {}): void {
  const doc = view.state.doc;
  const marks: CmDiagnostic[] = diagnostics
    .filter((d) => d.line !== undefined)
    .map((d) => {
      const { from, to } = rangeOf(doc, d);
      const mark: CmDiagnostic = {
        from,
        to,
        severity: d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'info',
        source: d.ruleId,
        message: d.hint ? `${d.message}\n${d.hint}` : d.message,
      };
      if (options.fix && options.fixable?.(d)) {
        mark.actions = [
          {
            name: '修正',
            apply: async (v) => {
              const fixed = await options.fix!(d);
              if (fixed !== undefined) replaceText(v, fixed);
            },
          },
        ];
      }
      return mark;
    });
  view.dispatch(setDiagnostics(view.state, marks));
}

/** The character range a diagnostic names (1-based line and UTF-16 column), at least one character wide. */
export function rangeOf(doc: Text, d: Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>): { from: number; to: number } {
  const line = doc.line(Math.min(Math.max(d.line ?? 1, 1), doc.lines));
  const from = Math.min(line.from + Math.max((d.column ?? 1) - 1, 0), line.to);
  let to = from;
  if (d.endLine !== undefined && d.endColumn !== undefined && d.endLine <= doc.lines) {
    const end = doc.line(d.endLine);
    to = Math.min(end.from + Math.max(d.endColumn - 1, 0), end.to);
  }
  if (to <= from) to = Math.min(line.to, from + 1) > from ? Math.min(line.to, from + 1) : from;
  if (to === from && line.to > line.from) return { from: line.from, to: line.to };
  return { from, to };
}

/** Replaces the text with the smallest change (keeps the cursor and undo history meaningful). */
export function replaceText(view: EditorView, text: string): void {
  const old = view.state.doc.toString();
  if (old === text) return;
  let start = 0;
  while (start < old.length && start < text.length && old[start] === text[start]) start++;
  let endOld = old.length;
  let endNew = text.length;
  while (endOld > start && endNew > start && old[endOld - 1] === text[endNew - 1]) {
    endOld--;
    endNew--;
  }
  view.dispatch({ changes: { from: start, to: endOld, insert: text.slice(start, endNew) } });
}

function complete(ctx: CompletionContext, schema: SchemaHelp): CompletionResult | null {
  const doc = ctx.state.doc;
  const line = doc.lineAt(ctx.pos);
  const lines = doc.toString().split('\n');
  const column = ctx.pos - line.from;
  const before = line.text.slice(0, column);
  const valueMatch = /^(\s*(?:-\s+)*)([^\s:#][^:#]*?):\s*([^\s#]*)$/.exec(before);
  if (valueMatch) {
    const at = pathAt(lines, line.number - 1, column);
    const values = schema.values([...at.path, { key: valueMatch[2]!.trim() }]);
    if (!values.length) return null;
    return { from: ctx.pos - valueMatch[3]!.length, options: values.map((v) => ({ label: v, type: 'enum' })) };
  }
  const keyMatch = /^(\s*(?:-\s+)*)([\w$]*)$/.exec(before);
  if (!keyMatch || (!ctx.explicit && !keyMatch[2])) return null;
  const at = pathAt(lines, line.number - 1, column);
  const keys = schema.keys(at.path);
  if (!keys.length) return null;
  return {
    from: ctx.pos - keyMatch[2]!.length,
    options: keys.map((k) => ({ label: k.key, apply: `${k.key}: `, type: 'property', ...(k.description ? { info: k.description } : {}) })),
    validFor: /^[\w$]*$/,
  };
}

function hover(view: EditorView, pos: number, schema: SchemaHelp) {
  const line = view.state.doc.lineAt(pos);
  const m = /^(\s*(?:-\s+)*)([^\s:#'"][^:#]*?)\s*:/.exec(line.text);
  if (!m) return null;
  const start = line.from + m[1]!.length;
  const end = start + m[2]!.length;
  if (pos < start || pos > end) return null;
  const lines = view.state.doc.toString().split('\n');
  const at = pathAt(lines, line.number - 1, m[1]!.length);
  const text = schema.description([...at.path, { key: m[2]!.trim() }]);
  if (!text) return null;
  return {
    pos: start,
    end,
    above: true,
    create() {
      const dom = document.createElement('div');
      dom.className = 'schema-hover';
      dom.textContent = `${m[2]!.trim()}：${text}`;
      return { dom };
    },
  };
}
