import { error, say, warning, type Diagnostic, type Lang } from '@gongwen/diagnostics';
import { formatPath } from './data-path.js';
import type { DataPath, SourceRange } from './locate.js';

/**
 * Characters XML 1.0 does not allow in a document (C0 controls other than tab, line feed and
 * carriage return; U+FFFE, U+FFFF; halves of surrogate pairs), and the controls it discourages
 * (DEL and the C1 range). A DOCX holding one is not well-formed and Word or LibreOffice refuse it;
 * no font draws them in a PDF either. They reach data through escapes (`"\uFFFE"`) or pasted text,
 * and are dealt with here, where the data enters, so no writer ever sees one.
 */
const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** At most this many places are listed; the rest are fixed (or refused) all the same. */
const maxListed = 50;

interface Found {
  path: (string | number)[];
  chars: string[];
}

/**
 * Every string value of the data holding a forbidden character, with those characters; with
 * `drop`, the characters are also removed from the data in place.
 */
function scan(data: unknown, drop: boolean): Found[] {
  const found: Found[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: data, path: [] }];
  const seen = new Set<object>();
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    // A subtree shared through a YAML alias is cleaned once and reported at its first place.
    seen.add(value);
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    const below: { value: unknown; path: (string | number)[] }[] = [];
    for (const [key, v] of entries) {
      if (typeof v === 'string') {
        forbidden.lastIndex = 0;
        if (!forbidden.test(v)) continue;
        found.push({ path: [...path, key], chars: [...new Set(v.match(forbidden) ?? [])] });
        if (drop) (value as Record<string | number, unknown>)[key] = v.replace(forbidden, '');
      } else if (v !== null && typeof v === 'object') {
        below.push({ value: v, path: [...path, key] });
      }
    }
    stack.push(...below.reverse());
  }
  return found;
}

/**
 * Removes the forbidden characters from data loaded from YAML, with one warning per value at its
 * place in the file: the rest of the text prints as written.
 */
export function dropForbiddenChars(data: unknown, ctx: { locate: (path: DataPath) => SourceRange | undefined; file?: string; lang: Lang }): Diagnostic[] {
  const found = scan(data, true);
  const listed = found.slice(0, maxListed).map(({ path, chars }) =>
    warning(
      'input/forbidden-char',
      say(ctx.lang, `文字里有文档不能容纳的字符 ${codes(chars)}，已删除`, `the text holds ${codes(chars)}, which no document may contain; dropped`),
      {
        ...(ctx.file !== undefined ? { file: ctx.file } : {}),
        ...ctx.locate(path),
        path: formatPath(path),
        hint: say(
          ctx.lang,
          '这类字符多来自复制粘贴或 "\\uFFFE" 这样的转义，无法印出；在文件里删去它们即可消除此提示。',
          'such characters come from pasted text or escapes such as "\\uFFFE" and cannot be printed; delete them to silence this warning',
        ),
      },
    ),
  );
  if (found.length > maxListed) {
    const more = found.length - maxListed;
    listed.push(
      warning('input/forbidden-char', say(ctx.lang, `另有 ${more} 处文字含有这类字符，也已删除`, `${more} more values held such characters; they were dropped too`), {
        ...(ctx.file !== undefined ? { file: ctx.file } : {}),
        ...ctx.locate(found[maxListed]!.path),
        path: formatPath(found[maxListed]!.path),
      }),
    );
  }
  return listed;
}

/** Refuses forbidden characters in data handed in as an object (which is the caller's, and not changed). */
export function refuseForbiddenChars(data: unknown, lang: Lang): Diagnostic[] {
  return scan(data, false)
    .slice(0, maxListed)
    .map(({ path, chars }) =>
      error('input/forbidden-char', say(lang, `文字里有文档不能容纳的字符 ${codes(chars)}`, `the text holds ${codes(chars)}, which no document may contain`), {
        path: formatPath(path),
        hint: say(lang, '请从文字中删去这个字符。', 'remove the character from the text'),
      }),
    );
}

function codes(chars: string[]): string {
  return chars.map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join('、');
}
