#!/usr/bin/env node
/**
 * The `ostack` program run from source (`node --import tsx src/cli/main.ts`, as the tests do; the
 * installed binary is bin.ts). It only turns the compile cache on and then loads the CLI: the
 * cache covers the modules compiled after it is enabled, and a static import of the CLI would be
 * compiled before this module's body runs.
 */
import { enableCompileCache } from './compile-cache.js';

enableCompileCache();
await import('./run.js');
