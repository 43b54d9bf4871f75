import { say, type Lang } from '@gongwen/diagnostics';

/** What a reader calls each JSON type. */
const typeWords: Record<Lang, Record<string, string>> = {
  zh: {
    string: '文字',
    number: '数字',
    integer: '整数',
    boolean: '是非值（true 或 false）',
    array: '列表（每项以“- ”开头）',
    object: '映射（“键: 值”）',
    null: '空值',
  },
  en: {
    string: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    array: 'a list (items starting with "- ")',
    object: 'a mapping ("key: value")',
    null: 'nothing',
  },
};

/** What was found, said briefly. */
const foundWords: Record<Lang, Record<string, string>> = {
  zh: { string: '文字', number: '数字', integer: '整数', boolean: '是非值', array: '列表', object: '映射', null: '空值' },
  en: {
    string: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true/false',
    array: 'a list',
    object: 'a mapping',
    null: 'nothing',
  },
};

/** The JSON type of a loaded value, with integers told apart from other numbers. */
export function jsonType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

export function typeMatches(actual: string, expected: unknown): boolean {
  const list = Array.isArray(expected) ? expected : [expected];
  return list.some((t) => t === actual || (t === 'number' && actual === 'integer'));
}

export function describeTypes(types: readonly string[], lang: Lang): string {
  const words = [...new Set(types)].map((t) => typeWords[lang][t] ?? t);
  return words.join(say(lang, '或', ' or '));
}

/** A short, quoted rendering of a scalar for messages; collections are described, not dumped. */
export function shown(value: unknown, lang: Lang): string {
  if (typeof value === 'string') {
    const s = value.length > 30 ? `${value.slice(0, 30)}…` : value;
    return say(lang, `“${s}”`, JSON.stringify(s));
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return foundWords[lang][jsonType(value)] ?? '';
}

export function foundType(value: unknown, lang: Lang): string {
  return foundWords[lang][jsonType(value)] ?? jsonType(value);
}

export function typeMessage(expected: readonly string[], value: unknown, lang: Lang): { message: string; hint?: string } {
  const found = jsonType(value);
  const want = describeTypes(expected, lang);
  const foundWord = foundWords[lang][found] ?? found;
  const scalar = typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string';
  const message =
    say(
      lang,
      `应为${want}，实际是${foundWord}${scalar ? ` ${shown(value, lang)}` : ''}`,
      `expected ${want}, found ${foundWord}${scalar ? ` ${shown(value, lang)}` : ''}`,
    );
  let hint: string | undefined;
  if (found === 'null') {
    hint = say(lang, '这里没有写内容：请补上，或删去这个键。', 'nothing is written here; fill it in or remove the key');
  } else if (expected.includes('string') && (found === 'integer' || found === 'number' || found === 'boolean')) {
    hint = say(lang, `加上英文引号即为文字："${String(value)}"`, `put it in quotes to make it text: "${String(value)}"`);
  } else if (expected.includes('array') && !expected.includes('string') && found === 'string' && /^-\S/.test(String(value))) {
    hint = say(lang, '列表项的“-”后面要有空格：- 文字', 'a list item needs a space after "-": - text');
  } else if (expected.includes('object') && found === 'string' && /^[\w$]+:\S/.test(String(value))) {
    hint = say(lang, '键的冒号后面要有空格：键: 值', 'a key needs a space after its colon: key: value');
  } else if (expected.includes('array') && !expected.includes('string') && found === 'string') {
    hint = say(lang, '写成列表：每项另起一行，以“- ”开头。', 'write a list: each item on its own line, starting with "- "');
  } else if (expected.includes('object') && expected.length === 1 && found === 'string') {
    hint = say(lang, '写成“键: 值”的形式，如 name: …', 'write it as "key: value" lines, e.g. name: …');
  } else if (expected.includes('integer') && found === 'string' && /^\s*\d+\s*$/.test(String(value))) {
    hint = say(lang, '去掉引号即为数字。', 'remove the quotes to make it a number');
  }
  return hint ? { message, hint } : { message };
}

export function requiredMessage(property: string, lang: Lang): string {
  return say(lang, `缺少必填项“${property}”`, `missing required "${property}"`);
}

/** Where each kind of mapping stands in a report, for saying where a misplaced key belongs. */
export const reportPlaceNames: Record<string, { zh: string; en: string }> = {
  '': { zh: '报告的顶层', en: 'the top level of the report' },
  Organ: { zh: 'issuers 下的机关', en: 'an organ under issuers' },
  Header: { zh: 'header', en: 'header' },
  Part: { zh: 'parts 下的一个部分（与 kind 同级）', en: 'a part under parts (beside kind)' },
  Section: { zh: 'body 下的条目或小标题', en: 'an item or heading in a body' },
  Attachment: { zh: 'attachments 下的附件', en: 'an attachment under attachments' },
  Signature: { zh: 'signature', en: 'signature' },
  Printing: { zh: 'printing', en: 'printing' },
  Figure: { zh: 'figures 下的统计项', en: 'a figure under figures' },
};

/** The places (other than `here`) where `key` is a key of the format, among the places `placeNames` names. */
export function placesOf(
  key: string,
  here: readonly string[],
  defs: Record<string, { properties?: object }>,
  root: { properties?: object },
  lang: Lang,
  placeNames: Record<string, { zh: string; en: string }> = reportPlaceNames,
): string[] {
  const all: [string, { properties?: object }][] = [['', root], ...Object.entries(defs)];
  return all
    .filter(([name, def]) => def.properties && key in def.properties && placeNames[name] && !(here.length && here.every((k) => k in def.properties!)))
    .map(([name]) => placeNames[name]![lang]);
}

export function unknownKeyMessage(key: string, suggestion: string | undefined, allowed: readonly string[], lang: Lang, belongs: readonly string[] = []) {
  if (!suggestion && belongs.length) {
    const where = belongs.join(say(lang, '或', ' or '));
    return {
      message: say(lang, `“${key}”写错了位置：它是 ${where}的键`, `"${key}" does not belong here: it is a key of ${where}`),
      hint: say(lang, `把它移到 ${where}中；这里可用的键：${allowed.join('、')}`, `move it to ${where}; allowed here: ${allowed.join(', ')}`),
    };
  }
  const message = say(lang, `未知的键“${key}”`, `unknown key "${key}"`);
  const list = allowed.join(say(lang, '、', ', '));
  const hint =
    say(lang, `${suggestion ? `是否想写“${suggestion}”？` : ''}这里可用的键：${list}`, `${suggestion ? `did you mean "${suggestion}"? ` : ''}allowed here: ${list}`);
  return { message, hint };
}

export function enumMessage(value: unknown, allowed: readonly unknown[], suggestion: string | undefined, lang: Lang) {
  const list = allowed.map(String).join(say(lang, '、', ', '));
  return {
    message: say(lang, `${shown(value, lang)}不是可用的值`, `${shown(value, lang)} is not one of the allowed values`),
    hint: say(lang, `${suggestion ? `是否想写“${suggestion}”？` : ''}可选：${list}`, `${suggestion ? `did you mean "${suggestion}"? ` : ''}allowed: ${list}`),
  };
}

/** Messages for the fields whose pattern encodes an official rule; the bare regex helps nobody. */
export function patternMessage(field: string | undefined, value: unknown, pattern: string, lang: Lang): { message: string; hint?: string } {
  const v = shown(value, lang);
  switch (field) {
    case 'style':
      return {
        message: say(lang, `样式名${v}只能用小写字母、数字和连字符`, `style name ${v} may use only lowercase letters, digits and hyphens`),
        hint: say(lang, '样式名是 templates/ 下的文件夹名，如 national、guangdong。', 'it is a folder name under templates/, e.g. national, guangdong'),
      };
    case 'copyNumber':
      return { message: say(lang, `份号${v}应为 6 位阿拉伯数字`, `copy number ${v} must be 6 digits`), hint: say(lang, '如 000001。', 'e.g. 000001') };
    case 'SealRef':
      return {
        message: say(lang, `印章图片路径${v}不可用`, `seal image path ${v} is not allowed`),
        hint: say(
          lang,
          '写相对于报告文件的路径，只能在报告所在文件夹之内（不以 / 开头，不含 ..），以 .png、.jpg 或 .jpeg 结尾。',
          'a path relative to the report file, inside its folder (no leading /, no ..), ending in .png, .jpg or .jpeg',
        ),
      };
    case 'Text':
      return { message: say(lang, '文字只有空白', 'the text is blank'), hint: say(lang, '请写上内容，或删去这一项。', 'write the text, or remove the entry') };
    default:
      return { message: say(lang, `${v}不符合规定的格式 ${pattern}`, `${v} does not match the required form ${pattern}`) };
  }
}

export function dateMessage(value: unknown, lang: Lang): { message: string; hint: string } {
  const s = String(value);
  const wellFormed = /^\d{4}-\d{2}-\d{2}$/.test(s);
  const hint = say(lang, '日期写作 YYYY-MM-DD，如 2022-01-09。', 'write dates as YYYY-MM-DD, e.g. 2022-01-09');
  if (wellFormed) return { message: say(lang, `没有这一天：${s}`, `there is no such date: ${s}`), hint };
  return { message: say(lang, `日期写法不对：${shown(value, lang)}`, `not a date: ${shown(value, lang)}`), hint };
}

export function minItemsMessage(limit: number, lang: Lang): string {
  if (limit === 1) return say(lang, '列表不能是空的', 'the list must not be empty');
  return say(lang, `列表至少要有 ${limit} 项`, `the list needs at least ${limit} items`);
}

export function rangeMessage(keyword: string, limit: number, value: unknown, lang: Lang): string {
  switch (keyword) {
    case 'minLength':
      return limit === 1 ? (say(lang, '不能为空', 'must not be empty')) : say(lang, `至少要有 ${limit} 个字`, `must be at least ${limit} characters`);
    case 'maxLength': {
      const n = typeof value === 'string' ? [...value].length : 0;
      return say(lang, `太长：${n} 个字，最多 ${limit} 个`, `too long: ${n} characters, at most ${limit}`);
    }
    case 'minimum':
      return say(lang, `应不小于 ${limit}，实际是 ${String(value)}`, `must be at least ${limit}, found ${String(value)}`);
    case 'maximum':
      return say(lang, `应不大于 ${limit}，实际是 ${String(value)}`, `must be at most ${limit}, found ${String(value)}`);
    case 'exclusiveMinimum':
      return say(lang, `应大于 ${limit}`, `must be greater than ${limit}`);
    case 'exclusiveMaximum':
      return say(lang, `应小于 ${limit}`, `must be less than ${limit}`);
    case 'maxItems':
      return say(lang, `最多 ${limit} 项`, `at most ${limit} items`);
    default:
      return say(lang, `超出范围（${keyword} ${limit}）`, `out of range (${keyword} ${limit})`);
  }
}
