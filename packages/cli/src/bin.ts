#!/usr/bin/env node
import { main } from './main.js';
import { exitCodes } from './exit-codes.js';

// A closed pipe (`gongwen … | head`) is not an error worth a message.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // Bad input never gets here (it is reported as diagnostics); this is a bug in gongwen.
    const err = e instanceof Error ? e : new Error(String(e));
    if (process.env.GONGWEN_DEBUG === '1') process.stderr.write(`${err.stack ?? err.message}\n`);
    process.stderr.write(
      `gongwen: internal error: ${err.message.split('\n')[0]}\n` +
        'please report it with the command and input that caused it (set GONGWEN_DEBUG=1 for details)\n',
    );
    process.exitCode = exitCodes.internal;
  },
);
