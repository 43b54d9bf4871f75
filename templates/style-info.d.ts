/** A style's one-line description and region, as its manifest gives them (absent when it gives none). */
export interface StyleSummary {
  description?: string;
  region?: string;
}
/**
 * What a style's manifest says about it in one line each (its description, its region), read with
 * the one YAML loader; no file system, so a browser lists the bundled styles the same way.
 */
export declare function styleSummary(manifestText: string | undefined): StyleSummary;
