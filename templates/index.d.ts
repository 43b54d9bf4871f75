/** Absolute path of the folder holding one sub-folder per style. */
export declare const stylesDir: string;
/** The style a manifest extends (`extends: national` at the top level), if it names one. */
export declare function baseStyleName(manifestText: string | undefined): string | undefined;
/**
 * Every text file of a style folder, keyed by its path relative to the folder (with `/`), as
 * `loadStyle` takes them. A style that `extends` another brings its base's files too, keyed
 * `../<base>/<path>` (and the base's base, and so on): the base is looked for beside the style,
 * then in `roots` (by default the bundled styles).
 */
export declare function readStyleFiles(dir: string, options?: { roots?: string[] }): Record<string, string>;
/**
 * The file on disk that a key of `readStyleFiles(dir, options)` was read from (`../national/document.hbs`
 * → the document.hbs of the folder that base was found in), so a diagnostic about a template names
 * a file an editor can open; `undefined` for a key no folder of the style holds.
 */
export declare function styleFileOnDisk(dir: string, key: string, options?: { roots?: string[] }): string | undefined;

/** A style folder found on disk. */
export interface StyleInfo {
  name: string;
  dir: string;
  /** The manifest's one-line description, if it has one. */
  description?: string;
  region?: string;
}

export interface StyleSearchOptions {
  /** Extra folders holding one sub-folder per style, searched before the bundled ones. */
  styleDirs?: string[];
}

/** The bundled styles and those in `styleDirs` (folders of one sub-folder per style), by name; earlier folders win. */
export declare function listStyles(options?: StyleSearchOptions): StyleInfo[];
/** The style folder of that name, as `listStyles` finds it; `undefined` for a name no folder has (or no name at all). */
export declare function findStyle(name: string, options?: StyleSearchOptions): Pick<StyleInfo, 'name' | 'dir'> | undefined;

export { styleSummary, type StyleSummary } from './style-info.js';
