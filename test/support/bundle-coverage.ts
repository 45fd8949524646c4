/**
 * Which source modules of the `ostack` bundle actually ran, from V8's coverage (NODE_V8_COVERAGE)
 * of a run: the bundle is one file, so "what a command loads" is the set of modules whose code
 * executed. esbuild writes a `// src/...` comment before each module it bundles; a function that
 * ran belongs to the last such comment before it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

interface FunctionCoverage {
  functionName: string;
  ranges: { startOffset: number; endOffset: number; count: number }[];
}

/** The bundled modules (`src/...`, `node_modules/...` paths) with at least one function that ran. */
export function modulesRun(coverageDir: string, bundle: string): Set<string> {
  const source = readFileSync(bundle, 'utf8');
  const headers: { offset: number; module: string }[] = [];
  for (const m of source.matchAll(/^\/\/ ((?:src|node_modules)\/\S+)$/gm)) {
    headers.push({ offset: m.index!, module: m[1]! });
  }
  const url = pathToFileURL(bundle).href;
  const ran = new Set<string>();
  for (const f of readdirSync(coverageDir)) {
    const doc = JSON.parse(readFileSync(join(coverageDir, f), 'utf8')) as {
      result: { url: string; functions: FunctionCoverage[] }[];
    };
    for (const script of doc.result) {
      if (script.url !== url) continue;
      for (const fn of script.functions) {
        const r = fn.ranges[0];
        // the script itself (offset 0) spans every module: it says nothing about one
        if (!r || r.count === 0 || r.startOffset === 0) continue;
        let module: string | undefined;
        for (const h of headers) {
          if (h.offset > r.startOffset) break;
          module = h.module;
        }
        if (module) ran.add(module);
      }
    }
  }
  return ran;
}

/** The services (`src/services/<name>/`) among {@link modulesRun}'s modules. */
export function servicesRun(modules: Iterable<string>): string[] {
  const services = new Set<string>();
  for (const m of modules) {
    const s = /^src\/services\/([^/]+)\//.exec(m);
    if (s) services.add(s[1]!);
  }
  return [...services].sort();
}
