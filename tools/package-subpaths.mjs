// The package's service subpaths (`openstack-sdk/compute`, ...): one list for the CommonJS build
// (tools/build-cjs.mjs) and the check that package.json's "exports" map matches it
// (tools/check-pack.mjs). Each is a folder of src/services/ and a namespace of src/index.ts.

/** Subpath, folder under src/services/, namespace exported by src/index.ts. */
export const SERVICE_SUBPATHS = [
  { subpath: './baremetal', folder: 'baremetal', namespace: 'baremetal' },
  { subpath: './block-storage', folder: 'block-storage', namespace: 'blockStorage' },
  { subpath: './compute', folder: 'compute', namespace: 'compute' },
  { subpath: './dns', folder: 'dns', namespace: 'dns' },
  { subpath: './identity', folder: 'identity', namespace: 'identity' },
  { subpath: './image', folder: 'image', namespace: 'image' },
  { subpath: './key-manager', folder: 'key-manager', namespace: 'keyManager' },
  { subpath: './load-balancer', folder: 'load-balancer', namespace: 'loadBalancer' },
  { subpath: './network', folder: 'network', namespace: 'network' },
  { subpath: './object-store', folder: 'object-store', namespace: 'objectStore' },
  { subpath: './orchestration', folder: 'orchestration', namespace: 'orchestration' },
  { subpath: './placement', folder: 'placement', namespace: 'placement' },
  { subpath: './shared-file-system', folder: 'shared-file-system', namespace: 'sharedFileSystem' },
];

/**
 * The runtimes without Node's modules (or with their own fetch) that get the ESM build under a
 * condition of their own, ahead of `import`/`require`: browsers and bundlers targeting them,
 * Cloudflare's workerd, web workers, Deno and Bun. The ESM build imports no `node:` module
 * (src/platform/ is the only door to them) and sends through fetch wherever it is not Node.js.
 */
export const WEB_CONDITIONS = ['browser', 'workerd', 'worker', 'deno', 'bun'];

/**
 * The "exports" entry of an ESM file and its types plus the CommonJS ones, every condition. Node's
 * `import` gets the one-file build of tools/build-node-esm.mjs (`nodeEsm`): it loads much
 * faster than the per-module build, which the other runtimes keep. Bundlers keep it too, also when
 * they aim at Node: esbuild, webpack and Rollup match `module` (Node never does) before `node`, and
 * the per-module build lets them drop every service a program does not import.
 */
export function conditionsFor(esm, types, cjs, cjsTypes, nodeEsm) {
  const web = { types, default: esm };
  return {
    ...Object.fromEntries(WEB_CONDITIONS.map((c) => [c, web])),
    module: { types, default: esm },
    node: {
      import: { types, default: nodeEsm },
      require: { types: cjsTypes, default: cjs },
    },
    import: { types, default: esm },
    require: { types: cjsTypes, default: cjs },
  };
}

/** The "exports" entry of one subpath: the ESM build for the web conditions and import, CommonJS for require. */
export function exportsEntry({ subpath, folder }) {
  const file = subpath.replace(/^\.\//, '');
  return conditionsFor(
    `./dist/services/${folder}/index.js`,
    `./dist/services/${folder}/index.d.ts`,
    `./dist/cjs/${file}.cjs`,
    `./dist/cjs/${file}.d.cts`,
    `./dist/node/${file}.js`,
  );
}
