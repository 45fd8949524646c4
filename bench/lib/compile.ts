/**
 * Measured Node processes run plain JavaScript, never the tsx loader: tsx's start-up alone
 * lifts a process's peak RSS by tens of MiB and its module hooks sit on every import. The
 * worker sources are transpiled (TypeScript's transpileModule, no type-check: `npm run
 * typecheck` does that) into node_modules/.cache/ossdk-bench/, where Node still resolves
 * undici and tinybench from the project and biome does not look.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { ROOT } from './sdk.js';

export const WORKER_BUILD = join(ROOT, 'node_modules', '.cache', 'ossdk-bench');

/** Sources (relative to bench/) the workers need at run time. */
const SOURCES = ['node/worker.ts', 'node/stub-server.ts', 'lib/sdk.ts'];

/** Transpile the workers; returns the path of a compiled file by its bench-relative source name. */
export function compileWorkers(): (source: string) => string {
  mkdirSync(WORKER_BUILD, { recursive: true });
  writeFileSync(join(WORKER_BUILD, 'package.json'), '{ "type": "module", "private": true }\n');
  for (const rel of SOURCES) {
    const src = readFileSync(join(ROOT, 'bench', rel), 'utf8');
    const out = ts.transpileModule(src, {
      fileName: rel,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
      },
    });
    const dest = join(WORKER_BUILD, rel.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, out.outputText);
  }
  return (source) => join(WORKER_BUILD, source.replace(/\.ts$/, '.js'));
}
