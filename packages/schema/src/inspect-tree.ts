import { error, say, type Diagnostic, type Lang } from '@gongwen/diagnostics';
import { isPair, isSeq, visit, type Document, type LineCounter, type Node } from 'yaml';
import { aliasResolver } from './aliases.js';
import { formatPath } from './data-path.js';
import { keyText, pointAt, rangeOf } from './locate.js';

/**
 * What the parser lets through but a report cannot have, found in one pass: duplicate keys, keys
 * that are lists or mappings, aliases that point at nothing or into themselves.
 */
export function inspectTree(
  doc: Document,
  lineCounter: LineCounter,
  options: { file?: string; lang: Lang },
): { diagnostics: Diagnostic[]; badAlias: boolean; aliasCount: number } {
  const { file, lang } = options;
  const diagnostics: Diagnostic[] = [];
  let badAlias = false;
  let aliasCount = 0;
  const resolve = aliasResolver(doc);
  visit(doc, {
    Map(_, map, ancestors) {
      const first = new Map<string, Node>();
      for (const pair of map.items) {
        const keyNode = pair.key as Node | null;
        const text = keyText(keyNode);
        if (text === undefined) {
          diagnostics.push(
            error('yaml/key-type', say(lang, '键必须是文字，不能是列表或映射', 'a key must be plain text, not a list or mapping'), {
              file,
              ...(rangeOf(keyNode ?? undefined, lineCounter) ?? pointAt(1, 1)),
            }),
          );
          continue;
        }
        const earlier = first.get(text);
        if (earlier && keyNode) {
          const firstAt = rangeOf(earlier, lineCounter);
          diagnostics.push(
            error('yaml/duplicate-key', say(lang, `键“${text}”重复出现`, `duplicate key "${text}"`), {
              file,
              ...(rangeOf(keyNode, lineCounter) ?? pointAt(1, 1)),
              path: formatPath([...dataPathOf(ancestors, map), text]),
              hint:
                say(lang, `第 ${firstAt?.line} 行已经写过这个键；同一层的键只能出现一次。`, `it is already set on line ${firstAt?.line}; a mapping may have each key once`),
            }),
          );
        } else if (keyNode) {
          first.set(text, keyNode);
        }
      }
    },
    Alias(_, alias) {
      aliasCount++;
      const target = resolve(alias);
      const inside = target?.range && alias.range && target.range[0] <= alias.range[0] && alias.range[1] <= target.range[2];
      if (inside) {
        badAlias = true;
        diagnostics.push(
          error(
            'yaml/alias-cycle',
            say(lang, `别名 *${alias.source} 引用了包含它自己的数据`, `alias *${alias.source} is inside the data it refers to`),
            {
              file,
              ...(rangeOf(alias, lineCounter) ?? pointAt(1, 1)),
              hint: say(lang, '数据不能包含它自己；请直接写出内容。', 'data cannot contain itself; write it out'),
            },
          ),
        );
      } else if (target === undefined) {
        badAlias = true;
        diagnostics.push(
          error(
            'yaml/undefined-alias',
            say(lang, `别名 *${alias.source} 找不到对应的锚点`, `alias *${alias.source} refers to no anchor`),
            {
              file,
              ...(rangeOf(alias, lineCounter) ?? pointAt(1, 1)),
              hint: say(lang, `请先用 &${alias.source} 定义锚点，再引用。`, `define &${alias.source} before using it`),
            },
          ),
        );
      }
    },
  });
  return { diagnostics, badAlias, aliasCount };
}

/** The data path of a node from the ancestors `visit` passes: keys of pairs, indexes in sequences. */
function dataPathOf(ancestors: readonly unknown[], node: unknown): (string | number)[] {
  const chain = [...ancestors, node];
  const path: (string | number)[] = [];
  for (let i = 0; i < chain.length - 1; i++) {
    const here = chain[i];
    const next = chain[i + 1];
    if (isPair(here)) {
      if (next === here.value) path.push(keyText(here.key) ?? '?');
    } else if (isSeq(here)) {
      path.push(here.items.indexOf(next as never));
    }
  }
  return path;
}
