import type { Finding, Rule } from '../types.js';
import { listOf } from '../list.js';

/** A structured figure whose breakdown does not add up to its total (seed 003: 67 = 2+25+27+1+2+10). */
export const statsSum: Rule = {
  id: 'stats/sum',
  severity: 'error',
  fixable: false,
  description: { zh: '统计数字的分项之和与总数不符', en: 'The parts of a figure do not add up to its total' },
  check({ report }) {
    const findings: Finding[] = [];
    for (const [i, figure] of listOf(report.figures).entries()) {
      if (!figure || typeof figure.total !== 'number' || !Array.isArray(figure.parts)) continue;
      const values = figure.parts.map((p) => p?.value).filter((v): v is number => typeof v === 'number');
      const sum = values.reduce((a, b) => a + b, 0);
      // Figures may carry decimals (金额, 比例); compare at a tolerance below any written precision.
      if (Math.abs(sum - figure.total) < 1e-9) continue;
      const unit = figure.unit ?? '';
      const expr = values.join('+');
      findings.push({
        path: ['figures', i, 'total'],
        message: {
          zh: `“${figure.label}”总数是${figure.total}${unit}，分项相加是${expr}=${sum}${unit}`,
          en: `“${figure.label}” totals ${figure.total}${unit} but its parts add up to ${expr} = ${sum}${unit}`,
        },
        hint: {
          zh: '核对总数和各分项，正文中的数字也要一并改正',
          en: 'check the total and each part, and correct the numbers in the text as well',
        },
      });
    }
    return findings;
  },
};
