#!/usr/bin/env node
// Installs the packed tarball into three throw-away projects, the ways users consume a package
// today, and proves each compiles under strict TypeScript and runs (run `npm run build` first):
//
//   esm      "type": "module", moduleResolution nodenext, `import` of the root and a subpath
//   cjs      "type": "commonjs", moduleResolution node16, compiled to `require()`
//   bundler  moduleResolution bundler, bundled by esbuild, the bundle run by node
//
// Each program authenticates against a closed loopback port and must get the SDK's typed
// ConnectionError, and `conn.compute` must be an instance of the subpath's ComputeV2 (one module
// instance behind both entry points), so the run proves the code loads and works, not only that it resolves. The projects get the tarball's
// contents and symlinks to this repository's installed dependencies: no registry access.
//
//   node tools/check-consumers.mjs            (npm run pack:consumers)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const work = mkdtempSync(join(tmpdir(), 'ossdk-consumers-'));
const started = Date.now();

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) {
    const why = r.error ? String(r.error) : `exit ${r.status}`;
    throw new Error(`${cmd} ${args.join(' ')} in ${cwd} failed (${why}):\n${r.stdout}${r.stderr}`);
  }
  return r.stdout;
}

// The program every consumer runs: the same code, spelt as each module system wants it.
const program = `
const conn = new Connection({
  config: {
    auth_type: 'password',
    auth: {
      auth_url: 'http://127.0.0.1:9/v3',
      username: 'consumer',
      password: 'not-a-secret',
      project_name: 'consumer',
      user_domain_name: 'Default',
      project_domain_name: 'Default',
    },
  },
  tokenCache: false,
  retry: { maxRetries: 0 },
});
let failed: unknown;
try {
  await conn.compute.getFlavor('m1.tiny');
} catch (e) {
  failed = e;
} finally {
  await conn.close();
}
if (!(failed instanceof ConnectionError)) throw new Error(\`expected a ConnectionError, got \${String(failed)}\`);
// one module instance behind the root and the subpath entry point (no dual-package hazard)
const compute: ComputeV2 = conn.compute;
if (!(compute instanceof ComputeV2)) throw new Error('conn.compute is not the ComputeV2 of openstack-sdk/compute');
console.log(\`ok \${failed.name} \${compute.constructor.name}\`);
`;
const imports = `import { Connection, ConnectionError } from 'openstack-sdk';\nimport { ComputeV2 } from 'openstack-sdk/compute';\n`;
const strict = { strict: true, skipLibCheck: false, target: 'es2022', types: ['node'], noEmitOnError: true };

const consumers = [
  {
    name: 'esm',
    type: 'module',
    compilerOptions: { ...strict, module: 'nodenext', moduleResolution: 'nodenext', outDir: 'out' },
    source: `${imports}${program}`,
    run: ['out/main.js'],
  },
  {
    name: 'cjs',
    type: 'commonjs',
    compilerOptions: { ...strict, module: 'node16', moduleResolution: 'node16', outDir: 'out' },
    // CommonJS has no top-level await
    source: `${imports}async function main(): Promise<void> {${program}}\nmain().catch((e) => { console.error(e); process.exit(1); });\n`,
    run: ['out/main.js'],
  },
  {
    name: 'bundler',
    type: 'module',
    compilerOptions: { ...strict, module: 'esnext', moduleResolution: 'bundler', noEmit: true },
    source: `${imports}${program}`,
    bundle: true,
    run: ['out/main.mjs'],
  },
];

try {
  const tarball = run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], root).trim();
  const extracted = join(work, 'package');
  run('tar', ['-xzf', join(work, tarball.split('\n').pop()), '-C', work], work);
  for (const c of consumers) {
    const dir = join(work, c.name);
    const modules = join(dir, 'node_modules');
    mkdirSync(join(modules, '@types'), { recursive: true });
    // a copy, as npm installs it: its own imports (undici, yaml) resolve from the project's node_modules
    cpSync(extracted, join(modules, 'openstack-sdk'), { recursive: true });
    for (const dep of Object.keys(pkg.dependencies ?? {})) {
      // a scoped dependency (@noble/hashes) needs its scope's directory first
      mkdirSync(dirname(join(modules, dep)), { recursive: true });
      symlinkSync(join(root, 'node_modules', dep), join(modules, dep));
    }
    symlinkSync(join(root, 'node_modules', '@types', 'node'), join(modules, '@types', 'node'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${c.name}`, private: true, type: c.type }));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: c.compilerOptions, files: ['main.ts'] }));
    writeFileSync(join(dir, 'main.ts'), c.source);
    const t0 = Date.now();
    run(process.execPath, [tsc, '-p', '.'], dir);
    if (c.bundle) {
      const { build } = await import('esbuild');
      await build({
        entryPoints: [join(dir, 'main.ts')],
        outfile: join(dir, 'out', 'main.mjs'),
        bundle: true,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        // the bundle is one module: CommonJS dependencies inside it still call require()
        banner: {
          js: "import { createRequire as __consumerRequire } from 'node:module'; const require = __consumerRequire(import.meta.url);",
        },
        logLevel: 'error',
      });
    }
    const out = run(process.execPath, c.run, dir).trim();
    if (!out.startsWith('ok ConnectionError')) throw new Error(`${c.name}: unexpected output: ${out}`);
    console.log(`check-consumers: ${c.name} compiles (strict) and runs: ${out} (${Date.now() - t0} ms)`);
  }
  console.log(`check-consumers: ${consumers.length} consumers of ${tarball} OK in ${Date.now() - started} ms`);
} catch (e) {
  console.error(`check-consumers: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
