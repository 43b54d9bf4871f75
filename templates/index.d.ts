/** Absolute path of the folder holding one sub-folder per style. */
export declare const stylesDir: string;
