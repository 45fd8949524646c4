#!/usr/bin/env node
/**
 * Entry point of the `ostack` binary. It only sets up the engine and then loads the CLI: the
 * compile cache covers the modules compiled after it is enabled, and a static import of the CLI
 * would be compiled before this module's body runs.
 */
import { enableCompileCache } from './compile-cache.js';

// undici parses HTTP with llhttp compiled to WebAssembly; V8 compiles it twice, quickly (Liftoff)
// and then optimised (TurboFan) on a background thread: about a third of the CPU of a cached
// `flavor list` (valgrind: 1.53 → 1.19 G instructions without it). A CLI call never runs the
// parser long enough to gain from the second compile; the SDK used as a library is unaffected.
// The CLI's own transport (node:http) has no WebAssembly, and node:v8 costs ~6 M instructions
// to load: the flag is set only when OSTACK_TRANSPORT picks undici.
if (process.env.OSTACK_TRANSPORT === 'undici') {
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString('--liftoff-only');
}
enableCompileCache();
await import('./run.js');
