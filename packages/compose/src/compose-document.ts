import { error, hasErrors, type Diagnostic } from '@gongwen/diagnostics';
import { derived, fontRoles, type Document, type Seal, type SignatureStamp } from '@gongwen/model';
import type { Part, PartKind, Report } from '@gongwen/schema';
import { chineseDate } from './dates.js';
import { TemplateError, type Style } from './load-style.js';
import { parseMarkup } from './markup.js';
import { t, type Lang } from './messages.js';
import { numberBody, type NumberingContext, type ViewBlock } from './numbering.js';
import { formatMarker } from './numerals.js';
import { toFullWidth } from './punctuation.js';
import { checkSealImage, sealProblem } from './seal-image.js';
import { stripControls } from './source-marks.js';
import { breakTitle } from './title-lines.js';
import { toDocument } from './to-document.js';

export interface ComposeOptions {
  /** Seal images and other files the report names, by the relative path written in the report. */
  assets?: Record<string, Uint8Array>;
  lang?: Lang;
  /** The report's file name, for diagnostics about the data. */
  filename?: string;
  /** Where a value of the data stands (as `loadReport` returns it), for diagnostics about the data. */
  locate?: (path: (string | number)[]) => { line: number; column: number; endLine?: number; endColumn?: number } | undefined;
}

export interface ComposeResult {
  document?: Document;
  diagnostics: Diagnostic[];
}

interface ViewPart {
  kind: PartKind;
  number: number;
  marker: string;
  heading: string;
  blocks: ViewBlock[];
}

/**
 * Turns a report into a Document through a style: computes the view model (numbering,
 * headings, dates, punctuation), prints the style's markup and parses it.
 */
export function composeDocument(report: Report, style: Style, options: ComposeOptions = {}): ComposeResult {
  const lang = options.lang ?? 'zh';
  const { manifest } = style;
  const diagnostics: Diagnostic[] = [];
  const where = (path: (string | number)[]) => ({ ...(options.filename ? { file: options.filename } : {}), ...(options.locate?.(path) ?? {}) });
  // Data text as printed: no control characters, no line breaks (Chinese has no word spaces, so a
  // break in YAML is never content), no outer whitespace, punctuation as the style says.
  const clean = (text: string) => {
    const plain = stripControls(text).replace(/\s*\n\s*/g, '').trim();
    return manifest.punctuation.fullwidth ? toFullWidth(plain) : plain;
  };
  const year = report.year;
  const nextYear = year + 1;
  const issuerNames = report.issuers.map((o) => clean(o.name));

  const numberingContext = (part?: Part): NumberingContext => ({
    markers: manifest.numbering.markers,
    defaultNumbering: manifest.numbering.default,
    continueArabic: (part?.arabicNumbering ?? manifest.numbering.arabic) === 'continue',
    clean,
  });

  let view: Record<string, unknown>;
  try {
    // place: the host organ without 人民政府, as Liaoning titles name a township (太平岭满族乡).
    const host = issuerNames[0] ?? '';
    const fillContext = { year, nextYear, organ: issuerNames.join(' '), host, place: host.replace(/(人民政府|政府)$/, '') };
    const title = report.title === undefined ? manifest.title.map((_, i) => style.fill(`title.${i}`, fillContext)) : (Array.isArray(report.title) ? report.title : [report.title]).map(clean);

    const parts: ViewPart[] = (partsInStyleOrder(report, style.name) ? orderParts(report.parts, manifest.parts.order) : report.parts).map((part, i) => {
      const heading = part.heading !== undefined ? clean(part.heading) : part.kind === 'custom' ? '' : style.fill(`parts.headings.${part.kind}`, { year, nextYear });
      return {
        kind: part.kind,
        number: i + 1,
        marker: formatMarker(manifest.numbering.markers[1], i + 1),
        heading,
        blocks: numberBody(part.body, part.numbering ?? manifest.numbering.default, numberingContext(part)),
      };
    });

    const showHeader = report.header?.show ?? report.documentNumber !== undefined;
    const header = showHeader
      ? {
          copyNumber: report.header?.copyNumber ?? null,
          secrecy: report.header?.secrecy ? clean(report.header.secrecy) : null,
          urgency: report.header?.urgency ?? null,
          organs: (report.header?.organs ?? report.issuers.map((o) => o.short ?? o.name)).map(clean),
          suffix: report.header?.suffix !== undefined ? clean(report.header.suffix) : manifest.header.suffix,
          documentNumber: report.documentNumber === undefined ? null : stripControls(report.documentNumber),
          signers: (report.signers ?? []).map(clean),
        }
      : null;

    const addressee = report.addressee === undefined ? null : clean((Array.isArray(report.addressee) ? report.addressee : [report.addressee]).join('、'));
    const attachments = (report.attachments ?? []).map((a, i, all) => ({
      label: all.length > 1 ? `附件${i + 1}` : '附件',
      title: [clean(a.title)],
      blocks: numberBody(a.body ?? [], manifest.numbering.default, numberingContext(), new Map(), 0),
    }));
    const signature = report.signature ? { organs: (report.signature.organs ?? issuerNames).map(clean), date: chineseDate(report.signature.date) } : null;

    view = {
      style: { name: style.name, region: manifest.region },
      year,
      nextYear,
      issuers: issuerNames,
      header,
      title,
      addressee,
      preamble: (report.preamble ?? []).map(clean),
      parts,
      closing: (report.closing ?? []).map(clean),
      attachmentNote: attachments.map((a) => a.title[0]),
      signature,
      notes: (report.notes ?? []).map(clean),
      attachments,
      mainTo: null,
      copyTo: report.copyTo ? `抄送：${report.copyTo.map(clean).join('，')}。` : null,
      printer: report.printing ? clean(report.printing.organ) : null,
      printDate: report.printing ? `${chineseDate(report.printing.date)}印发` : null,
    };
  } catch (e) {
    return { diagnostics: [templateDiagnostic(e, lang)] };
  }

  let markup: string;
  try {
    markup = style.render(view);
  } catch (e) {
    return { diagnostics: [templateDiagnostic(e, lang)] };
  }
  const parsed = parseMarkup(markup, style.files, lang);
  diagnostics.push(...parsed.diagnostics);
  if (!parsed.root || hasErrors(diagnostics)) return { diagnostics };
  const body = toDocument(parsed.root);
  // Title lines are decided here, once, so every renderer prints the same ones: lines the data
  // gives stay as written; a line too long for the block breaks between meaningful units.
  if (!(Array.isArray(report.title) && report.title.length > 1)) {
    const organs = report.issuers.flatMap((o) => [o.name, ...(o.short ? [o.short] : [])]).map(clean);
    body.title = breakTitle(body.title, { capacity: Math.floor(derived.blockWidthPt / fontRoles.title.size), organs });
  }

  // Seals come from the caller's assets, never from a path the template or data could open.
  if (body.signature && report.signature?.seals?.length) {
    const seals: Seal[] = [];
    report.signature.seals.forEach((path, i) => {
      const image = options.assets?.[path];
      if (!image) {
        diagnostics.push(
          error('compose/missing-asset', t(lang, `找不到印章图片 ${path}`, `seal image ${path} not found`), {
            ...where(['signature', 'seals', i]),
            path: `signature.seals[${i}]`,
            hint: t(lang, '印章图片须放在报告所在文件夹内，路径相对于报告文件。', 'Seal images must sit inside the report’s folder; the path is relative to the report file.'),
          }),
        );
        return;
      }
      const problem = sealProblem(checkSealImage(image), path, lang);
      if (problem) {
        diagnostics.push(error(problem.ruleId, problem.message, { ...where(['signature', 'seals', i]), path: `signature.seals[${i}]`, hint: problem.hint }));
        return;
      }
      const organs = body.signature!.organs;
      seals.push({ image, organ: organs[Math.min(i, organs.length - 1)] ?? '' });
    });
    body.signature.seals = seals;
  }
  // 7.3.5.3: the signatories' titles and signature stamps, from the data, in place of the 署名.
  if (body.signature && report.signature?.signatories?.length) {
    const stamps: SignatureStamp[] = [];
    report.signature.signatories.forEach((signatory, i) => {
      const at = { ...where(['signature', 'signatories', i, 'stamp']), path: `signature.signatories[${i}].stamp` };
      const image = options.assets?.[signatory.stamp];
      if (!image) {
        diagnostics.push(
          error('compose/missing-asset', t(lang, `找不到签名章图片 ${signatory.stamp}`, `signature stamp image ${signatory.stamp} not found`), {
            ...at,
            hint: t(lang, '签名章图片须放在报告所在文件夹内，路径相对于报告文件。', 'Stamp images must sit inside the report’s folder; the path is relative to the report file.'),
          }),
        );
        return;
      }
      const check = checkSealImage(image);
      const problem = sealProblem(check, signatory.stamp, lang);
      if (problem || !check.ok) {
        if (problem) diagnostics.push(error(problem.ruleId, problem.message, { ...at, hint: problem.hint }));
        return;
      }
      stamps.push({ title: clean(signatory.title), image, aspect: check.width / check.height });
    });
    body.signature.stamps = stamps;
    body.signature.seals = [];
  }
  if (hasErrors(diagnostics)) return { diagnostics };

  const document: Document = {
    meta: {
      title: body.title.join(''),
      author: issuerNames.join('、'),
      subject: `${year}年法治政府建设年度报告`,
      ...(report.signature ? { created: report.signature.date } : {}),
    },
    ...body,
  };
  return { document, diagnostics };
}

/**
 * Whether a report's parts are printed in the style's order rather than as written: the data says
 * so with `partsOrder`; otherwise a report keeps its own order in its own style, and takes the
 * order of any other style it is rendered in. A style's required parts are not checked here: a
 * missing part is a content finding (lint's `content/missing-part`), so a draft still renders.
 */
export function partsInStyleOrder(report: Pick<Report, 'style' | 'partsOrder'>, styleName: string): boolean {
  return (report.partsOrder ?? (report.style === styleName ? 'written' : 'style')) === 'style';
}

/**
 * Orders parts as the style lists their kinds (a merged part by the earliest kind it covers);
 * a part whose kinds are not listed stays right after the part before it.
 */
export function orderParts(parts: readonly Part[], order: readonly PartKind[]): Part[] {
  if (!order.length) return [...parts];
  let previous = -1;
  const ranked = parts.map((part, index) => {
    const ranks = [part.kind, ...(part.includes ?? [])].map((k) => order.indexOf(k)).filter((r) => r >= 0);
    const rank = ranks.length ? Math.min(...ranks) : previous;
    previous = rank;
    return { part, index, rank };
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.index - b.index).map((r) => r.part);
}

function templateDiagnostic(e: unknown, lang: Lang): Diagnostic {
  if (e instanceof TemplateError) {
    return error('template/runtime', t(lang, `模板出错：${e.message}`, `template failed: ${e.message}`), {
      file: e.file,
      ...(e.line !== undefined ? { line: e.line, column: e.column ?? 1 } : {}),
    });
  }
  if (e instanceof RangeError || e instanceof TypeError) {
    return error('compose/value', e.message);
  }
  throw e;
}
