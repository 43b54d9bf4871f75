import { fileURLToPath } from 'node:url';

// The folder that holds one sub-folder per style. Styles are data (manifest + templates),
// read by whoever renders; nothing here runs.
export const stylesDir = fileURLToPath(new URL('.', import.meta.url));
