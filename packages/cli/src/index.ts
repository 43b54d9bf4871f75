export { main } from './main.js';
export { exitCodes } from './exit-codes.js';
export { expandInputs, outputPath, parseShard, shardOf } from './inputs.js';
export type { InputFile } from './inputs.js';
export { writeFileAtomic } from './atomic-write.js';
