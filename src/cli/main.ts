#!/usr/bin/env node
/**
 * Entry point of the `ostack` binary. It only turns V8's compile cache on and then loads the
 * CLI: the cache covers the modules compiled after it is enabled, and a static import of the
 * CLI would be compiled before this module's body runs.
 */
import { enableCompileCache } from './compile-cache.js';

enableCompileCache();
await import('./run.js');
