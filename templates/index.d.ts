/** Absolute path of the folder holding one sub-folder per style. */
export declare const stylesDir: string;
/** Every text file of a style folder, keyed by its path relative to the folder (with `/`), as `loadStyle` takes them. */
export declare function readStyleFiles(dir: string): Record<string, string>;
