import { describe, expect, it } from 'vitest';
import { error, formatDiagnostic, formatLocation, hasErrors, sortDiagnostics, toJsonReport, warning } from '../src/index.js';

const source = ['style: national', 'year: 二〇二一', 'title: 标题'].join('\n');

describe('formatDiagnostic', () => {
  it('starts with path:line:col: as compilers print it, then severity, message and rule', () => {
    const d = error('schema/type', '应为整数，实际是字符串', { file: 'a.yaml', line: 2, column: 7, path: 'year' });
    const first = formatDiagnostic(d).split('\n')[0];
    expect(first).toBe('a.yaml:2:7: 错误: 应为整数，实际是字符串 (year) [schema/type]');
  });

  it('speaks English on request', () => {
    const d = warning('x/y', 'expected an integer', { file: 'a.yaml', line: 1, column: 1, hint: 'write 2021' });
    const text = formatDiagnostic(d, { lang: 'en' });
    expect(text).toContain('a.yaml:1:1: warning: expected an integer');
    expect(text).toContain('hint: write 2021');
  });

  it('puts carets under the span, counting CJK characters as two columns', () => {
    const d = error('schema/type', 'm', { file: 'a.yaml', line: 2, column: 7, endLine: 2, endColumn: 11 });
    const lines = formatDiagnostic(d, { source }).split('\n');
    expect(lines[1]).toBe('  2 | year: 二〇二一');
    // "year: " is 6 columns; 二〇二一 is 4 wide characters = 8 columns.
    expect(lines[2]).toBe('    |       ^^^^^^^^');
  });

  it('shows no excerpt when the line is unknown or out of range', () => {
    expect(formatDiagnostic(error('r', 'm', { file: 'f' }), { source }).split('\n')).toHaveLength(1);
    expect(formatDiagnostic(error('r', 'm', { file: 'f', line: 99, column: 1 }), { source }).split('\n')).toHaveLength(1);
  });

  it('colours the severity only when asked', () => {
    const d = error('r', 'm', { file: 'f', line: 1, column: 1 });
    expect(formatDiagnostic(d)).not.toContain('\u001b[');
    expect(formatDiagnostic(d, { color: true })).toContain('\u001b[31;1m');
  });
});

describe('locations, ordering and the JSON report', () => {
  it('formats partial locations', () => {
    expect(formatLocation({ file: 'a.yaml' })).toBe('a.yaml');
    expect(formatLocation({ file: 'a.yaml', line: 3 })).toBe('a.yaml:3');
    expect(formatLocation({})).toBe('<input>');
  });

  it('sorts by file then position, stable for ties', () => {
    const ds = [
      error('b', '2', { file: 'b', line: 1, column: 1 }),
      error('a', '1', { file: 'a', line: 5, column: 2 }),
      error('a', '0', { file: 'a', line: 5, column: 1 }),
      error('a', 'tie', { file: 'a', line: 5, column: 2 }),
    ];
    expect(sortDiagnostics(ds).map((d) => d.message)).toEqual(['0', '1', 'tie', '2']);
  });

  it('is ok only when no file has an error', () => {
    const warnOnly = [{ path: 'a', diagnostics: [warning('w', 'm')] }];
    expect(toJsonReport(warnOnly).ok).toBe(true);
    expect(toJsonReport([...warnOnly, { path: 'b', diagnostics: [error('e', 'm')] }]).ok).toBe(false);
    expect(hasErrors([warning('w', 'm')])).toBe(false);
  });
});

describe('excerpts of long lines', () => {
  it('shows a window around a column far into a long line, caret under the spot', () => {
    const line = `text: ${'甲'.repeat(300)}乙${'丙'.repeat(100)}`;
    const col = line.indexOf('乙') + 1;
    const d = error('r', 'm', { file: 'f', line: 1, column: col, endLine: 1, endColumn: col + 1 });
    const [, shown, carets] = formatDiagnostic(d, { source: line }).split('\n');
    expect(shown!.startsWith('  1 | …')).toBe(true);
    expect(shown!.endsWith('…')).toBe(true);
    // The caret sits under 乙: same display width before it on both lines.
    const before = shown!.slice(0, shown!.indexOf('乙'));
    const wide = [...before].filter((c) => c > '\u2e80').length;
    expect(carets!.indexOf('^')).toBe(before.length + wide);
    expect(carets!.trim().endsWith('^^')).toBe(true);
    expect(carets!.trim().replace(/[| ]/g, '')).toBe('^^');
  });
});
