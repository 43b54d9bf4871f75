import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The queue tests run workers as processes of their own, which load the compiled package.
export function setup(): void {
  const dir = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, ['../../scripts/bundle.mjs', 'index'], { cwd: dir, stdio: 'inherit' });
}
