import { error, hasErrors, type Diagnostic, type Result } from '@gongwen/diagnostics';
import { derived, fontRoles, type Document, type Origin, type Seal, type SignatureStamp } from '@gongwen/model';
import type { Part, PartKind, Report } from '@gongwen/schema';
import { chineseDate } from './dates.js';
import { TemplateError, type Style } from './load-style.js';
import { parseMarkup } from './markup.js';
import { t, type Lang } from './messages.js';
import { numberBody, type DataPath, type NumberingContext, type ViewBlock } from './numbering.js';
import { formatMarker } from './numerals.js';
import { toFullWidth } from './punctuation.js';
import { isCheckedSeal } from './load-seals.js';
import { checkSealImage, sealProblem } from './seal-image.js';
import { dataMark, stripControls } from './source-marks.js';
import { breakTitle } from './title-lines.js';
import { toDocument, type DataValue } from './to-document.js';

export interface ComposeOptions {
  /** Seal images and other files the report names, by the relative path written in the report. */
  assets?: Record<string, Uint8Array>;
  lang?: Lang;
  /** The report's file name, for diagnostics about the data. */
  filename?: string;
  /** Where a value of the data stands (as `loadReport` returns it), for diagnostics about the data. */
  locate?: (path: (string | number)[]) => { line: number; column: number; endLine?: number; endColumn?: number } | undefined;
}

export interface ComposeResult extends Result {
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
  // Each data value goes into the view behind a mark naming its YAML node, so every Document
  // node knows where its text came from (see `Document.origins`).
  const values: DataValue[] = [];
  const mark = (path: DataPath, text: string, raw?: string): string => {
    const at = text ? options.locate?.(path) : undefined;
    if (!at) return text;
    // One for one with the source when cleaning changed no length and the node is the value on one
    // line, bare (as wide as the value) or quoted (two wider).
    const width = at.endLine === at.line && at.endColumn !== undefined ? at.endColumn - at.column : -1;
    const verbatim = raw !== undefined && text.length === raw.length && (width === raw.length || width === raw.length + 2);
    values.push({
      ...(options.filename ? { file: options.filename } : {}),
      line: at.line,
      column: verbatim && width === raw.length + 2 ? at.column + 1 : at.column,
      path: formatPath(path),
      length: text.length,
      ...(verbatim ? { verbatim: true } : {}),
    });
    return dataMark(values.length - 1) + text;
  };
  /** A data string, cleaned and marked. */
  const data = (path: DataPath, raw: string): string => mark(path, clean(raw), raw);
  const year = report.year;
  const nextYear = year + 1;
  const issuerNames = report.issuers.map((o) => clean(o.name));

  const numberingContext = (part?: Part): NumberingContext => ({
    markers: manifest.numbering.markers,
    defaultNumbering: manifest.numbering.default,
    continueArabic: (part?.arabicNumbering ?? manifest.numbering.arabic) === 'continue',
    clean: (text, path) => data(path, text),
    tableRules: manifest.tables.rules,
  });

  let view: Record<string, unknown>;
  try {
    // place: the host organ without 人民政府, as Liaoning titles name a township (太平岭满族乡).
    const host = issuerNames[0] ?? '';
    const fillContext = { year, nextYear, organ: issuerNames.join(' '), host, place: host.replace(/(人民政府|政府)$/, '') };
    const title =
      report.title === undefined
        ? manifest.title.map((_, i) => style.fill(`title.${i}`, fillContext))
        : Array.isArray(report.title)
          ? report.title.map((line, i) => data(['title', i], line))
          : [data(['title'], report.title)];

    const parts: ViewPart[] = (partsInStyleOrder(report, style.name) ? orderParts(report.parts, manifest.parts.order) : report.parts).map((part, i) => {
      const at = report.parts.indexOf(part);
      const heading = part.heading !== undefined ? data(['parts', at, 'heading'], part.heading) : part.kind === 'custom' ? '' : style.fill(`parts.headings.${part.kind}`, { year, nextYear });
      return {
        kind: part.kind,
        number: i + 1,
        marker: formatMarker(manifest.numbering.markers[1], i + 1),
        heading,
        blocks: numberBody(part.body, part.numbering ?? manifest.numbering.default, numberingContext(part), ['parts', at, 'body']),
      };
    });

    const showHeader = report.header?.show ?? report.documentNumber !== undefined;
    const header = showHeader
      ? {
          copyNumber: report.header?.copyNumber ? mark(['header', 'copyNumber'], report.header.copyNumber, report.header.copyNumber) : (report.header?.copyNumber ?? null),
          secrecy: report.header?.secrecy ? data(['header', 'secrecy'], report.header.secrecy) : null,
          urgency: report.header?.urgency ? mark(['header', 'urgency'], report.header.urgency, report.header.urgency) : (report.header?.urgency ?? null),
          organs: report.header?.organs
            ? report.header.organs.map((o, i) => data(['header', 'organs', i], o))
            : report.issuers.map((o, i) => (o.short !== undefined ? data(['issuers', i, 'short'], o.short) : data(['issuers', i, 'name'], o.name))),
          suffix: report.header?.suffix !== undefined ? data(['header', 'suffix'], report.header.suffix) : manifest.header.suffix,
          documentNumber: report.documentNumber === undefined ? null : mark(['documentNumber'], stripControls(report.documentNumber), report.documentNumber),
          signers: (report.signers ?? []).map((s, i) => data(['signers', i], s)),
        }
      : null;

    // Several addressees are cleaned as one line (punctuation sees its neighbours across the 、).
    const addressee =
      report.addressee === undefined ? null : Array.isArray(report.addressee) ? mark(['addressee'], clean(report.addressee.join('、'))) : data(['addressee'], report.addressee);
    const attachments = (report.attachments ?? []).map((a, i, all) => ({
      label: all.length > 1 ? `附件${i + 1}` : '附件',
      title: [data(['attachments', i, 'title'], a.title)],
      blocks: numberBody(a.body ?? [], manifest.numbering.default, numberingContext(), ['attachments', i, 'body'], new Map(), 0),
    }));
    const signature = report.signature
      ? {
          organs: report.signature.organs ? report.signature.organs.map((o, i) => data(['signature', 'organs', i], o)) : report.issuers.map((o, i) => data(['issuers', i, 'name'], o.name)),
          date: mark(['signature', 'date'], chineseDate(report.signature.date)),
        }
      : null;

    view = {
      style: { name: style.name, region: manifest.region },
      year,
      nextYear,
      issuers: report.issuers.map((o, i) => data(['issuers', i, 'name'], o.name)),
      header,
      title,
      addressee,
      preamble: (report.preamble ?? []).map((p, i) => data(['preamble', i], p)),
      parts,
      closing: (report.closing ?? []).map((p, i) => data(['closing', i], p)),
      attachmentNote: attachments.map((a) => a.title[0]),
      signature,
      notes: (report.notes ?? []).map((n, i) => data(['notes', i], n)),
      attachments,
      mainTo: null,
      copyTo: report.copyTo ? `抄送：${report.copyTo.map((c, i) => data(['copyTo', i], c)).join('，')}。` : null,
      printer: report.printing ? data(['printing', 'organ'], report.printing.organ) : null,
      printDate: report.printing ? `${mark(['printing', 'date'], chineseDate(report.printing.date))}印发` : null,
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
  const { origins = {}, ...body } = toDocument(parsed.root, values);
  // Title lines are decided here, once, so every renderer prints the same ones: lines the data
  // gives stay as written; a line too long for the block breaks between meaningful units.
  if (!(Array.isArray(report.title) && report.title.length > 1)) {
    const organs = report.issuers.flatMap((o) => [o.name, ...(o.short ? [o.short] : [])]).map(clean);
    const capacity = Math.floor(derived.blockWidthPt / fontRoles.title.size);
    const lines: string[] = [];
    const lineOrigins: Origin[][] = [];
    body.title.forEach((line, i) => {
      // Each line a piece of one written line, in order: its origins are that line's, moved.
      let cursor = 0;
      for (const piece of breakTitle([line], { capacity, organs })) {
        const from = line.indexOf(piece, cursor);
        cursor = from + piece.length;
        lines.push(piece);
        lineOrigins.push(sliceOrigins(origins[`title[${i}]`] ?? [], from, piece.length));
      }
    });
    body.title.forEach((_, i) => delete origins[`title[${i}]`]);
    lineOrigins.forEach((list, i) => (origins[`title[${i}]`] = list));
    body.title = lines;
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
      // An image that came through `loadSeals` was checked where it entered; one handed in
      // directly gets the header check here.
      const problem = isCheckedSeal(image) ? undefined : sealProblem(checkSealImage(image), path, lang);
      if (problem) {
        diagnostics.push(error(problem.ruleId, problem.message, { ...where(['signature', 'seals', i]), path: `signature.seals[${i}]`, hint: problem.hint }));
        return;
      }
      const organs = body.signature!.organs;
      const at = options.locate?.(['signature', 'seals', i]);
      if (at) origins[`signature.seals[${seals.length}]`] = [{ ...(options.filename ? { file: options.filename } : {}), line: at.line, column: at.column, path: `signature.seals[${i}]` }];
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
    origins,
  };
  return { document, diagnostics };
}

/** The origins of the part of a node's text from `from`, `length` long, as offsets of that part. */
function sliceOrigins(list: readonly Origin[], from: number, length: number): Origin[] {
  return list.flatMap((o): Origin[] => {
    if (o.at === undefined) return [o];
    const start = Math.max(o.at, from);
    const end = Math.min(o.at + (o.length ?? 0), from + length);
    if (end <= start) return [];
    const moved = o.verbatim && o.column !== undefined ? { column: o.column + start - o.at } : {};
    return [{ ...o, ...moved, at: start - from, length: end - start }];
  });
}

/** `parts[0].body[2]`, as the schema's diagnostics name a place in the data. */
function formatPath(path: readonly (string | number)[]): string {
  return path.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i ? `.${seg}` : seg)).join('');
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
