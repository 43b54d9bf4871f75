import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

// The end-to-end tests run the compiled CLI: compile it once, before any test file starts.
export default mergeConfig(shared, defineConfig({ test: { globalSetup: ['./test/global-setup.ts'] } }));
