// The package's service subpaths (`openstack-sdk/compute`, ...): one list for the CommonJS build
// (tools/build-cjs.mjs) and the check that package.json's "exports" map matches it
// (tools/check-pack.mjs). Each is a folder of src/services/ and a namespace of src/index.ts.

/** Subpath, folder under src/services/, namespace exported by src/index.ts. */
export const SERVICE_SUBPATHS = [
  { subpath: './block-storage', folder: 'block-storage', namespace: 'blockStorage' },
  { subpath: './compute', folder: 'compute', namespace: 'compute' },
  { subpath: './identity', folder: 'identity', namespace: 'identity' },
  { subpath: './image', folder: 'image', namespace: 'image' },
  { subpath: './network', folder: 'network', namespace: 'network' },
  { subpath: './object-store', folder: 'object-store', namespace: 'objectStore' },
  { subpath: './placement', folder: 'placement', namespace: 'placement' },
];

/** The "exports" entry of one subpath: ESM build for import, the CommonJS build for require. */
export function exportsEntry({ subpath, folder }) {
  const file = subpath.replace(/^\.\//, '');
  return {
    import: { types: `./dist/services/${folder}/index.d.ts`, default: `./dist/services/${folder}/index.js` },
    require: { types: `./dist/cjs/${file}.d.cts`, default: `./dist/cjs/${file}.cjs` },
  };
}
