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
