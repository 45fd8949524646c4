// A throw-away TypeScript project in which code snippets (docs blocks, TSDoc examples) compile the
// way a user's strict project would see the package: `openstack-sdk` resolves to this checkout's
// BUILT package through its package.json `exports`, not to src/. Shared by tools/check-docs.mjs and
// tools/check-tsdoc-examples.mjs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A project in a directory of its own per run (two checks at once, from two worktrees that share
 * node_modules, must not delete each other's files); removed when the process exits.
 * @param {string} root the repository root (holds dist/ and node_modules/)
 * @param {string} prefix names the temporary directory
 */
export function snippetProject(root, prefix) {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'openstack-sdk'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: prefix, private: true, type: 'module' }));
  return {
    dir,
    /** Write one snippet as an ES module (a snippet without imports/exports is still a module). */
    add(file, code) {
      writeFileSync(join(dir, file), `${code}\nexport {};\n`);
    },
    /**
     * Compile the snippets with tsc --strict. Each is `{ file, source, line, offset? }`: the
     * snippet's file here, where it lives (`docs/x.md`), the line its code starts on there, and
     * how many lines were put in front of it; errors point at the source line, not at the copy.
     * @returns {{ ok: boolean, output: string, ms: number }}
     */
    compile(snippets) {
      const files = snippets.map((s) => s.file);
      const byFile = new Map(snippets.map((s) => [s.file, s]));
      const locate = (file, line) => {
        const s = byFile.get(file);
        return s && `${s.source}:${s.line + line - 1 - (s.offset ?? 0)}`;
      };
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            target: 'ES2022',
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            lib: ['ES2023'],
            types: ['node'],
            typeRoots: [join(root, 'node_modules', '@types')],
            skipLibCheck: true,
            noEmit: true,
          },
          files,
        }),
      );
      const started = Date.now();
      const tsc = spawnSync(
        process.execPath,
        [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir, '--pretty', 'false'],
        { encoding: 'utf8' },
      );
      // tsc prints `path/file.ts(line,col): error TSxxxx: ...`
      const output = (tsc.stdout + tsc.stderr).replace(
        /^(?:[^\s(]*[/\\])?([\w.-]+\.ts)\((\d+),(\d+)\)/gm,
        (m, f, l, c) => {
          const at = locate(f, Number(l));
          return at ? `${at}:${c}` : m;
        },
      );
      return { ok: tsc.status === 0, output: output.trim(), ms: Date.now() - started };
    },
  };
}
