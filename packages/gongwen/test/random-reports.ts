import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { loadReport, type Report } from '@gongwen/schema';

type Body = Report['parts'][number]['body'];
type Block = Body[number];

const examplesDir = new URL('../../../examples/', import.meta.url);

/** The five example reports, loaded. */
export function exampleReports(): [string, Report][] {
  return readdirSync(examplesDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const { report } = loadReport(readFileSync(new URL(file, examplesDir), 'utf8'), { filename: file });
      if (!report) throw new Error(`${file} does not load`);
      return [file.replace(/\.yaml$/, ''), report];
    });
}

/** Every sentence of the examples' text: real wording, with the digits, quotes and brackets reports carry. */
function sentences(reports: readonly Report[]): string[] {
  const texts: string[] = [];
  const walk = (body: Body | undefined) =>
    body?.forEach((b) => {
      if (typeof b === 'string') texts.push(b);
      else {
        for (const t of [b.heading, b.lead, b.text]) if (t) texts.push(t);
        walk(b.body);
      }
    });
  for (const r of reports) {
    texts.push(...(r.preamble ?? []));
    r.parts.forEach((p) => walk(p.body));
  }
  return [...new Set(texts.flatMap((t) => t.split(/(?<=[。；！？])/u)).map((s) => s.trim()).filter((s) => s.length > 1))];
}

/** Words that put Latin letters, digits and ambiguous-width marks where line breaking is hardest. */
const insertions = ['2023年', '12.5%', '“三项制度”', 'APP', 'GB/T 9704—2012', '第3季度', '——', '……', '（2021-2025年）', '“12·4”', '100余人次', 'PPP项目', '《中华人民共和国行政处罚法》', 'A级', '5G', '‘一网通办’'];

/**
 * Random reports for the PDF–DOCX agreement test: each keeps an example's issuers, header,
 * signature and 版记 (so every style and page part is exercised) and gets parts of random
 * paragraphs, headings and run-in leads made of the examples' sentences with words inserted.
 * Drawn from a fixed seed, so a failure names a report that can be rendered again.
 */
export function randomReports(count: number, seed = 9704): [string, Report][] {
  const examples = exampleReports().map(([, r]) => r);
  const pool = sentences(examples);
  const sentence = fc.tuple(fc.constantFrom(...pool), fc.option(fc.tuple(fc.constantFrom(...insertions), fc.nat()), { freq: 2, nil: undefined })).map(([s, ins]) => {
    if (!ins) return s;
    const chars = [...s];
    const at = ins[1] % Math.max(1, chars.length - 1);
    return [...chars.slice(0, at), ins[0], ...chars.slice(at)].join('');
  });
  const paragraph = fc.array(sentence, { minLength: 1, maxLength: 7 }).map((list) => list.join(''));
  const short = sentence.map((s) => [...s.replace(/[。；！？]$/u, '')].slice(0, 40).join(''));
  const block: fc.Arbitrary<Block> = fc.oneof(
    { weight: 4, arbitrary: paragraph },
    { weight: 1, arbitrary: fc.record({ heading: short, body: fc.array(paragraph, { minLength: 1, maxLength: 3 }) }) },
    { weight: 2, arbitrary: fc.record({ lead: short.map((s) => `${s}。`), text: paragraph }) },
  );
  const report = fc.record({ base: fc.nat(examples.length - 1), bodies: fc.array(fc.array(block, { minLength: 1, maxLength: 5 }), { minLength: 6, maxLength: 6 }) }).map(({ base, bodies }) => {
    const r = structuredClone(examples[base]!);
    r.parts = r.parts.map((p, i) => ({ ...p, body: bodies[i % bodies.length]! })) as Report['parts'];
    return r;
  });
  return fc.sample(report, { seed, numRuns: count }).map((r, i) => [`random-${seed}-${i}`, r]);
}
