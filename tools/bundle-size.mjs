#!/usr/bin/env node
// What an application bundle costs when it uses one service: bundles (esbuild, minified, for the
// browser and for Node) two small programs that import the package the way a consumer does, one
// using only object storage, one only compute, and prints each bundle's size (raw and gzip) and its
// largest inputs. Run after `npm run build` (the programs import dist/ through package.json's
// "exports"). It shows whether "sideEffects": false holds: a service the program does not use must
// not appear among the inputs (`--check` exits 1 when one does).
//
//   node tools/bundle-size.mjs [--top N] [--json] [--check] [--src]      # npm run bundle:size
//
// --src bundles the TypeScript sources (src/index.ts, src/services/<type>/index.ts) instead of
// dist/, so it needs no build (the unit test uses it); package.json's "sideEffects" covers both.
// The package's own dependencies stay in the bundle where esbuild can see them; undici does not
// appear because the transport loads it at run time (src/transport/undici-wire.ts). Nothing is
// external: the browser bundle is a working one (the core imports no node: module), and a
// node: import creeping back into it fails the build.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const top = Number(args[args.indexOf('--top') + 1]) || 8;
const asJson = args.includes('--json');
const check = args.includes('--check');
const fromSrc = args.includes('--src');

/** The programs: each imports the session from the root and one service's subpath; then a whole Connection. */
const PROGRAMS = {
  'object-store': {
    service: 'object-store',
    source: `import { Session, V3TokenAuth } from 'openstack-sdk';
import { ObjectStoreV1 } from 'openstack-sdk/object-store';
const session = new Session({ auth: new V3TokenAuth({ auth_url: 'https://keystone.example/v3', token: 't' }) });
const swift = new ObjectStoreV1(session);
for await (const c of swift.listContainers()) console.log(c.name);
`,
  },
  compute: {
    service: 'compute',
    source: `import { Session, V3TokenAuth } from 'openstack-sdk';
import { ComputeV2 } from 'openstack-sdk/compute';
const session = new Session({ auth: new V3TokenAuth({ auth_url: 'https://keystone.example/v3', token: 't' }) });
const nova = new ComputeV2(session);
for await (const s of nova.listServers()) console.log(s.name);
`,
  },
  // for comparison: a Connection has a getter for every service, so it brings them all
  connection: {
    service: undefined,
    source: `import { Connection } from 'openstack-sdk';
const conn = new Connection({ cloud: 'mycloud' });
for await (const s of conn.compute.listServers()) console.log(s.name);
`,
  },
};
const SERVICES = ['block-storage', 'compute', 'identity', 'image', 'network', 'object-store', 'placement', 'baremetal'];
const PLATFORMS = ['browser', 'node'];

/** A scratch project whose node_modules/openstack-sdk is this package, so "exports" applies. */
function scratchProject() {
  const dir = mkdtempSync(join(tmpdir(), 'ossdk-bundle-size-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'openstack-sdk'), 'dir');
  for (const [name, p] of Object.entries(PROGRAMS)) writeFileSync(join(dir, `${name}.mjs`), p.source);
  return dir;
}

/** The folder under src/services/ an input comes from (dist/ and src/ alike), if any. */
function serviceOf(input) {
  return /(?:^|\/)(?:dist|src)\/services\/([^/]+)\//.exec(input)?.[1];
}

/** Shorten an input path for display: relative to the package, node_modules collapsed. */
function label(input) {
  const abs = input.startsWith('/') ? input : join(process.cwd(), input);
  const rel = relative(root, abs);
  const nm = rel.lastIndexOf('node_modules/');
  return nm >= 0 ? rel.slice(nm) : rel;
}

/** With --src: `openstack-sdk` and its service subpaths resolve to the TypeScript sources. */
const sourcesPlugin = {
  name: 'openstack-sdk-sources',
  setup(b) {
    b.onResolve({ filter: /^openstack-sdk(\/[a-z-]+)?$/ }, ({ path }) => {
      const sub = path.slice('openstack-sdk/'.length);
      return { path: join(root, 'src', ...(sub ? ['services', sub, 'index.ts'] : ['index.ts'])) };
    });
  },
};

async function measure(dir, name, platform) {
  const result = await build({
    plugins: fromSrc ? [sourcesPlugin] : [],
    entryPoints: [join(dir, `${name}.mjs`)],
    absWorkingDir: dir,
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    target: platform === 'node' ? 'node20' : 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const out = result.outputFiles[0].contents;
  const [outMeta] = Object.values(result.metafile.outputs);
  const inputs = Object.entries(outMeta.inputs)
    .map(([file, { bytesInOutput }]) => ({ file: label(file), bytes: bytesInOutput }))
    .filter((i) => i.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  const services = [...new Set(inputs.map((i) => serviceOf(i.file)).filter(Boolean))].sort();
  return { program: name, platform, raw: out.length, gzip: gzipSync(out).length, services, inputs };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

const dir = scratchProject();
const results = [];
try {
  for (const name of Object.keys(PROGRAMS)) {
    for (const platform of PLATFORMS) results.push(await measure(dir, name, platform));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// a service the program does not use is what "sideEffects": false must keep out
const leaks = results.flatMap((r) =>
  r.services
    .filter((s) => PROGRAMS[r.program].service && s !== PROGRAMS[r.program].service && SERVICES.includes(s))
    .map((s) => `${r.program} (${r.platform}) bundles services/${s}`),
);

if (asJson) {
  console.log(JSON.stringify({ results: results.map((r) => ({ ...r, inputs: r.inputs.slice(0, top) })), leaks }, null, 2));
} else {
  for (const r of results) {
    console.log(`${r.program} (${r.platform}): ${kb(r.raw)} minified, ${kb(r.gzip)} gzip; services: ${r.services.join(', ') || 'none'}`);
    for (const i of r.inputs.slice(0, top)) console.log(`  ${kb(i.bytes).padStart(10)}  ${i.file}`);
  }
  console.log(leaks.length ? `\nunused services bundled:\n  ${leaks.join('\n  ')}` : '\nno unused service was bundled');
}
if (check && leaks.length) process.exit(1);
