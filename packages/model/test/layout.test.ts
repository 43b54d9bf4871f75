import { describe, expect, it } from 'vitest';
import { derived, fontRoles, headerLines, isLandscapeTable, layout, mmToPt, mmToTwip, portraitToLandscape } from '../src/index.js';

describe('GB/T 9704 layout spec', () => {
  it('turns the portrait page for a landscape page: the same block, the binding edge on top (ch. 8)', () => {
    const { page, margins, textBlock } = layout.landscape;
    expect(page).toEqual({ width: layout.page.height, height: layout.page.width });
    expect(textBlock).toEqual({ width: layout.textBlock.height, height: layout.textBlock.width });
    expect(margins).toEqual({ top: layout.margins.left, bottom: layout.margins.right, left: layout.margins.bottom, right: layout.margins.top });
    // The portrait block's corners land on the landscape block's corners.
    const topLeft = portraitToLandscape({ x: mmToPt(28), y: mmToPt(262) });
    expect(topLeft.x).toBeCloseTo(mmToPt(35), 6);
    expect(topLeft.y).toBeCloseTo(mmToPt(28), 6);
    expect(isLandscapeTable({ align: Array(8).fill('center') })).toBe(false);
    expect(isLandscapeTable({ align: Array(layout.table.landscapeColumns).fill('center') })).toBe(true);
  });

  it('has an A4 page whose margins and text block add up (5.1, 5.2.1)', () => {
    const { page, margins, textBlock } = layout;
    expect([page.width, page.height]).toEqual([210, 297]);
    expect(margins.left + textBlock.width + margins.right).toBe(page.width);
    expect(margins.top + textBlock.height + margins.bottom).toBe(page.height);
    expect(margins).toEqual({ top: 37, bottom: 35, left: 28, right: 26 });
  });

  it('derives a 28.99 pt line pitch and a 15.79 pt character pitch from 22 × 28 (5.2.3)', () => {
    expect(derived.linePitchPt).toBeCloseTo(28.9907, 3);
    expect(derived.charPitchPt).toBeCloseTo(15.793, 3);
    expect(derived.bodyTrackingPt).toBeCloseTo(-0.207, 3);
    expect(derived.linePitchPt * layout.grid.linesPerPage).toBeCloseTo(derived.blockHeightPt, 6);
  });

  it('sizes the elements as the standard says', () => {
    expect(fontRoles.body.size).toBe(16); // 三号
    expect(fontRoles.title.size).toBe(22); // 二号
    expect(fontRoles.pageNumber.size).toBe(14); // 四号
    expect(layout.endMatter.fontSize).toBe(14);
    expect(fontRoles.organMark.color).toBe(layout.red);
    expect(layout.pageNumber.format(3)).toBe('— 3 —');
  });

  it('converts units exactly', () => {
    expect(mmToPt(25.4)).toBe(72);
    expect(mmToTwip(37)).toBe(2098);
    expect(mmToTwip(28)).toBe(1587);
  });

  it('puts the 版头 on grid lines both renderers share: 发文字号 two blank lines below the mark, the title two below the rule', () => {
    const joint = headerLines({ flagLines: 0, organs: 2, signerRows: 0 });
    expect(joint).toEqual({ numberLine: 8, numberRow: 8, titleLine: 12 });
    const single = headerLines({ flagLines: 0, organs: 1, signerRows: 0 });
    // The mark's foot (35 mm + one 26 pt em) lies on line 4; lines 5 and 6 stay blank.
    expect(single.numberLine).toBe(Math.floor((mmToPt(35) + 26) / derived.linePitchPt) + 3);
    const upward = headerLines({ flagLines: 0, organs: 1, signerRows: 2 });
    expect(upward.numberRow).toBe(upward.numberLine + 1);
    expect(upward.titleLine - upward.numberRow).toBe(single.titleLine - single.numberRow);
  });
});
