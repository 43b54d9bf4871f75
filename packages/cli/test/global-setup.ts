import { buildCli } from './cli-helpers.js';

export function setup(): void {
  buildCli();
}
