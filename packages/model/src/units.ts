/** Unit conversions. Every length in the layout spec is in millimetres or points; renderers convert here. */
export const PT_PER_INCH = 72;
export const MM_PER_INCH = 25.4;

export const mmToPt = (mm: number): number => (mm * PT_PER_INCH) / MM_PER_INCH;
export const ptToMm = (pt: number): number => (pt * MM_PER_INCH) / PT_PER_INCH;
/** Twips (1/20 pt), the unit of Word's page geometry and spacing. */
export const ptToTwip = (pt: number): number => pt * 20;
export const twipToPt = (twip: number): number => twip / 20;
export const mmToTwip = (mm: number): number => Math.round(ptToTwip(mmToPt(mm)));
/** EMU (English Metric Units), the unit of DrawingML offsets: 36 000 per millimetre. */
export const mmToEmu = (mm: number): number => Math.round(mm * 36_000);
/** Half-points, the unit of Word run sizes. */
export const ptToHalfPoint = (pt: number): number => Math.round(pt * 2);
/** Eighths of a point, the unit of Word's border widths. */
export const ptToEighthPoint = (pt: number): number => Math.round(pt * 8);
export const eighthPointToPt = (eighths: number): number => eighths / 8;
