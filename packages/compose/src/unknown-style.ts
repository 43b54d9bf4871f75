import { error, say, type Diagnostic, type Lang } from '@gongwen/diagnostics';

export interface UnknownStyleOptions {
  lang?: Lang;
  /** The caller can open a style folder (a browser's file picker): the hint says so. */
  canOpenFolder?: boolean;
}

/** `style/unknown`: no style of that name among those the caller has, which it lists. */
export function unknownStyle(name: string, known: readonly string[], options: UnknownStyleOptions = {}): Diagnostic {
  const { lang } = options;
  const list = known.join(', ');
  const folder = options.canOpenFolder ? say(lang, '，或打开一个样式文件夹', ', or open a style folder') : '';
  return error('style/unknown', say(lang, `没有名为“${name}”的样式`, `unknown style "${name}"`), {
    hint: say(lang, `可用的样式：${list || '（无）'}`, `available styles: ${list || '(none)'}`) + folder,
  });
}
