import { say, type Lang } from '@gongwen/diagnostics';

interface YamlMessage {
  zh: string;
  /** Replaces the library's message where that speaks of its API rather than of the file. */
  en?: string;
  hint?: { zh: string; en: string };
}

const quoteHint = {
  zh: '文字里有“: ”“#”或以“- ”“[”“{”“*”“&”“!”“%”“@”开头时，请给整段文字加英文双引号。',
  en: 'put the whole text in double quotes when it contains ": " or " #", or starts with - [ { * & ! % @',
};
const indentHint = {
  zh: '同一层的键要对齐到同一列，下一层多缩进两个空格；不要用 Tab。',
  en: 'keys of one level start at the same column, the next level two spaces further; never use tabs',
};

/** Chinese wording for the `yaml` library's error codes; English keeps the library's own message. */
const byCode: Record<string, YamlMessage> = {
  ALIAS_PROPS: { zh: '别名（*名称）不能带标签或锚点' },
  BAD_ALIAS: { zh: '锚点或别名的名称不对' },
  BAD_DIRECTIVE: { zh: '无法识别的 YAML 指令（% 开头的行）', hint: quoteHint },
  BAD_DQ_ESCAPE: {
    zh: '双引号文字里的反斜杠转义不对',
    hint: { zh: '反斜杠要写成 \\\\，或改用单引号。', en: 'write a backslash as \\\\, or use single quotes' },
  },
  BAD_INDENT: { zh: '缩进不对', hint: indentHint },
  BAD_PROP_ORDER: { zh: '锚点和标签的位置不对' },
  BAD_SCALAR_START: { zh: '这里的文字不能以这个字符开头', hint: quoteHint },
  BLOCK_AS_IMPLICIT_KEY: {
    zh: '这里读到了嵌套的键：文字里有“: ”，或者缩进不对',
    hint: {
      zh: `若这是一段文字，请给整段加英文双引号；若是新的键，请让它与同一层的键对齐。`,
      en: 'if this is text, put it in double quotes; if it is a key, line it up with the keys of its level',
    },
  },
  BLOCK_IN_FLOW: { zh: '方括号或花括号内不能换用缩进写法' },
  IMPOSSIBLE: { zh: '无法解析这里的内容' },
  KEY_OVER_1024_CHARS: { zh: '键太长（超过 1024 个字符）', hint: quoteHint },
  MISSING_CHAR: { zh: '缺少字符（引号、逗号、冒号后的空格或“- ”）', hint: quoteHint },
  MULTILINE_IMPLICIT_KEY: { zh: '键必须写在一行之内（可能是缩进不对或漏了冒号）', hint: indentHint },
  MULTIPLE_ANCHORS: { zh: '一个值只能有一个锚点' },
  MULTIPLE_DOCS: {
    zh: '文件里有多个 YAML 文档（“---”分隔），一个文件只能写一份报告',
    en: 'the file holds more than one YAML document (separated by "---"); one file holds one report',
    hint: { zh: '删去多余的“---”行，或把各份报告分成不同文件。', en: 'remove the extra "---" line, or put each report in its own file' },
  },
  MULTIPLE_TAGS: { zh: '一个值只能有一个标签' },
  NON_STRING_KEY: { zh: '键必须是文字' },
  RESOURCE_EXHAUSTION: {
    zh: '嵌套太深，无法读取',
    hint: { zh: '报告的层次不会这么深；请检查括号是否配对。', en: 'a report is never nested this deep; check that brackets are paired' },
  },
  TAB_AS_INDENT: { zh: '不能用 Tab 缩进', hint: indentHint },
  TAG_RESOLVE_FAILED: {
    zh: '不支持的 YAML 标签',
    hint: {
      zh: '报告数据只用普通的文字、数字、列表和映射；去掉“!”开头的标签。',
      en: 'report data uses plain text, numbers, lists and mappings; remove the "!" tag',
    },
  },
  UNEXPECTED_TOKEN: { zh: '这里出现了多余的内容', hint: quoteHint },
  BAD_COLLECTION_TYPE: { zh: '标签与值的类型不符' },
};

const unclosedQuote: YamlMessage = {
  zh: '引号没有闭合',
  en: 'this quote is never closed',
  hint: { zh: '在文字末尾补上同样的引号。', en: 'add the same quote at the end of the text' },
};
const unclosedBracket = (bracket: string): YamlMessage => ({
  zh: `${bracket === ']' ? '方括号 [ ]' : '花括号 { }'}没有闭合`,
  en: `this ${bracket === ']' ? '[' : '{'} is never closed with ${bracket}`,
  hint: {
    zh: `在列表末尾补上 ${bracket}；跨行时，续行要比键缩进得更多。`,
    en: `add ${bracket} after the last item; continuation lines must be indented further than the key`,
  },
});

/** The wording of one YAML error; some messages are recognised by their text, which is more specific than the code. */
export function yamlMessage(code: string, original: string, lang: Lang): { message: string; hint?: string } {
  const bracket = /end with an? ([\]}])/.exec(original)?.[1];
  const entry = /^Missing closing .quote/.test(original) ? unclosedQuote : bracket ? unclosedBracket(bracket) : byCode[code];
  // Where there is no own English wording, the library's message is the precise one: Chinese quotes it.
  const zh = !entry ? `YAML 语法错误（${original}）` : entry.en ? entry.zh : `${entry.zh}（${original}）`;
  const message = say(lang, zh, entry?.en ?? original);
  const hint = entry?.hint?.[lang];
  return hint ? { message, hint } : { message };
}
