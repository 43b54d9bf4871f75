export declare function bundledFontFiles(): { chains: Record<string, string[]>; paths: string[] };
