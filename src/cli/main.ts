#!/usr/bin/env node
/**
 * Entry point of the `ostack` binary. It only sets up the engine and then loads the CLI: the
 * compile cache covers the modules compiled after it is enabled, and a static import of the CLI
 * would be compiled before this module's body runs.
 */
import { setFlagsFromString } from 'node:v8';
import { enableCompileCache } from './compile-cache.js';

// undici parses HTTP with llhttp compiled to WebAssembly; V8 compiles it twice, quickly (Liftoff)
// and then optimised (TurboFan) on a background thread: about a third of the CPU of a cached
// `flavor list` (valgrind: 1.53 → 1.19 G instructions without it). A CLI call never runs the
// parser long enough to gain from the second compile; the SDK used as a library is unaffected.
setFlagsFromString('--liftoff-only');
enableCompileCache();
await import('./run.js');
