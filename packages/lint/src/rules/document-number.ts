import type { Finding, Localized, Rule } from '../types.js';

const wellFormed = /^[^\s〔〕]+〔\d{4}〕[1-9]\d*号$/;
/** Year in brackets of any kind; the sequence number after it with an optional 第 and padding. */
const shape = /^\s*([^\s〔〕[\]【】［］(（〈<{｛]*?)\s*([〔[\]【［(（〈<{｛]?)\s*(\d{4})\s*([〕\]】］)）〉>}｝]?)\s*(第?)\s*(\d+)\s*(号?)\s*$/;

/** The well-formed spelling of a recognisable document number, or undefined. */
function normalise(value: string): string | undefined {
  const m = shape.exec(value);
  if (!m || !m[1] || !m[3]) return undefined;
  return `${m[1]}〔${m[3]}〕${Number(m[6])}号`;
}

/** 发文字号 must read 代字〔YYYY〕N号: six-sided brackets, no zero padding, no 第 (GB/T 9704 7.2.4). */
export const documentNumber: Rule = {
  id: 'form/document-number',
  severity: 'error',
  fixable: true,
  description: {
    zh: '发文字号不符合“代字〔年份〕序号号”的格式',
    en: 'The document number is not in the form 代字〔YYYY〕N号',
  },
  check({ report }) {
    const value = report.documentNumber;
    if (typeof value !== 'string' || wellFormed.test(value)) return [];
    const path = ['documentNumber'];
    const m = shape.exec(value);
    if (!m) {
      return [
        {
          path,
          message: { zh: `发文字号“${value}”无法识别`, en: `the document number “${value}” is not recognisable` },
          hint: { zh: '写成“代字〔年份〕序号号”，如 交发〔2022〕8号', en: 'write it as 代字〔YYYY〕N号, e.g. 交发〔2022〕8号' },
        },
      ];
    }
    const [, code = '', open = '', year = '', close = '', di = '', seq = '', hao = ''] = m;
    const fixed = normalise(value) ?? `${code}〔${year}〕${Number(seq)}号`;
    const hint: Localized = { zh: `改为“${fixed}”；gongwen lint --fix 可自动改正`, en: `write “${fixed}”; gongwen lint --fix rewrites it` };
    const findings: Finding[] = [];
    const at = (text: string, from = 0) => ({ offset: value.indexOf(text, from), text });
    if (open !== '〔' || close !== '〕') {
      const bracketed = value.slice(value.indexOf(year) - open.length, value.indexOf(year) + year.length + close.length);
      findings.push({
        path,
        excerpt: at(bracketed),
        message: {
          zh: `发文字号的年份应当用六角括号〔〕括入，这里写的是“${bracketed}”`,
          en: `the year in a document number goes in six-sided brackets 〔〕, not “${bracketed}”`,
        },
        hint,
      });
    }
    const seqStart = value.indexOf(seq, value.indexOf(year) + year.length);
    if (di) {
      findings.push({
        path,
        excerpt: { offset: value.lastIndexOf('第', seqStart), text: '第' },
        message: { zh: '发文字号的序号前不加“第”', en: 'no 第 before the sequence number' },
        hint,
      });
    }
    if (/^0/.test(seq)) {
      findings.push({
        path,
        excerpt: { offset: seqStart, text: seq },
        message: {
          zh: `发文字号的序号不编虚位，“${seq}”应写作“${Number(seq)}”`,
          en: `the sequence number has no zero padding: “${seq}” should be “${Number(seq)}”`,
        },
        hint,
      });
    }
    if (!hao) {
      findings.push({
        path,
        excerpt: { offset: seqStart, text: seq },
        message: { zh: '发文字号的序号后应加“号”', en: 'the sequence number must end in 号' },
        hint,
      });
    }
    if (!code) {
      findings.push({
        path,
        message: { zh: '发文字号缺少机关代字', en: 'the document number lacks the issuing organ’s code' },
        hint: { zh: '在年份前写机关代字，如 交发〔2022〕8号', en: 'put the organ code before the year, e.g. 交发〔2022〕8号' },
      });
    }
    if (findings.length === 0) {
      // Stray spaces are all that is wrong.
      findings.push({
        path,
        message: { zh: `发文字号“${value}”中不应有空格`, en: `the document number “${value}” must not contain spaces` },
        hint,
      });
    }
    return findings;
  },
  fix: (text) => normalise(text) ?? text,
};
