#!/usr/bin/env node
/**
 * The installed `ostack` (package.json "bin" → dist/ostack/ostack.js, built by
 * tools/bundle-cli.mjs): it loads the CLI's one-file bundle (dist/ostack/cli.js) with the
 * compiled code of earlier runs. Node 22.1+ keeps that itself (`module.enableCompileCache`);
 * on older Node the bundle runs through {@link runWithCodeCache}. `src/cli/main.ts` is the
 * same program run from source.
 */
import { join } from 'node:path';
import { runWithCodeCache } from './code-cache.js';
import { enableCompileCache } from './compile-cache.js';

/** The bundle's content hash, written in by tools/bundle-cli.mjs: a rebuilt bundle has another cache. */
declare const __OSTACK_BUNDLE_ID__: string;

const bundle = join(__dirname, 'cli.js');
if (enableCompileCache() !== undefined) require(bundle);
else runWithCodeCache(bundle, __OSTACK_BUNDLE_ID__);
