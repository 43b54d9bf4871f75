import type { BuildResult, Metafile } from 'esbuild';

export declare const packageDir: string;
export declare const engineEntry: string;
export declare const browserReplacements: Record<string, string>;
export declare function bundleEngine(options?: { outdir?: string; write?: boolean; minify?: boolean }): Promise<BuildResult & { metafile: Metafile }>;
