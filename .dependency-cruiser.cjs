/**
 * The structure rules of src/ (`npm run lint:deps`, also in tools/ci-checks.sh). They keep
 * what CONTRIBUTING.md's "The layers and where each lives" and "Structure rules" describe:
 *
 * - no import cycles, counting type-only imports (a type cycle is still a design cycle);
 * - each layer imports only the layers below it (the LAYERS table, bottom first);
 * - a service's proxy (`services/<type>/proxy.ts`) is imported only by the service table,
 *   its own service's files and the package entry point, so the table stays the one place a
 *   service is wired in;
 * - nothing inside src/ imports the package entry point (src/index.ts is only the public surface);
 * - the core (all of src/ but the CLI) imports no `node:` module and not undici, except as types:
 *   it loads in browsers and workers, and reaches Node only through src/platform/ at run time.
 *
 * test/unit/tools/dependency-rules.test.ts proves each rule catches what it is meant to.
 */

/**
 * Bottom first: a file of a layer may import its own layer and the ones before it. Paths are
 * regular expressions relative to the repository root.
 */
const LAYERS = [
  // platform/ is the door to the runtime (Node's modules looked up at run time, web fallbacks)
  ['base', '^src/(errors/|platform/|version\\.ts$)'],
  // decode.ts only reads bodies (it needs errors and transport); auth parses keystone's with it
  ['transport', '^src/(transport/|session/decode\\.ts$)'],
  ['config', '^src/config/'],
  ['auth', '^src/auth/'],
  ['session', '^src/session/(?!decode\\.ts$)'],
  ['resource', '^src/resource/'],
  ['services', '^src/services/'],
  ['cloud', '^src/cloud/'],
  ['connection', '^src/connection(-core)?\\.ts$'],
  ['cli', '^src/cli/'],
];

const layerRules = LAYERS.slice(0, -1).map(([name, path], i) => ({
  name: `layer-${name}`,
  comment: `${name} (${path}) imports only its own layer and the ones below it: ${LAYERS.slice(0, i)
    .map(([n]) => n)
    .join(', ') || 'none'}`,
  severity: 'error',
  from: { path },
  to: { path: LAYERS.slice(i + 1).map(([, p]) => `(${p})`).join('|') },
}));

const PROXY = '^src/services/[^/]+/proxy\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'an import cycle, runtime or type-only: move what both sides need into a module both import',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'proxy-only-from-service-table',
      comment:
        'only services/service-table.ts (and src/index.ts) import a service proxy: outside the services, use the service index or the table',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(services/|index\\.ts$)' },
      to: { path: PROXY },
    },
    {
      name: 'proxy-only-from-own-service',
      comment: "a service's files and the services' shared modules do not import another service's proxy",
      severity: 'error',
      from: { path: '^src/services/([^/]+)/' },
      to: { path: PROXY, pathNot: '^src/services/$1/' },
    },
    {
      name: 'proxy-not-from-shared-services-modules',
      comment: 'the shared modules of src/services/ (base class, specs, sections) do not import proxies; only the table does',
      severity: 'error',
      from: { path: '^src/services/[^/]+\\.ts$', pathNot: '^src/services/service-table\\.ts$' },
      to: { path: PROXY },
    },
    {
      name: 'no-node-builtins-in-core',
      comment:
        "the core loads in browsers and workers: reach Node's modules through src/platform/ (nodeModule, nodeFunction) at run time; type-only imports are erased and allowed",
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      // `import type` and `typeof import('node:fs')` are erased: only run-time imports count
      to: { dependencyTypes: ['core'], dependencyTypesNot: ['type-only', 'type-import'] },
    },
    {
      name: 'no-undici-in-core',
      comment:
        'undici is Node-only: the transport loads it at run time through the platform seam (src/transport/undici-wire.ts); import only its types',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      // a require() in these ES modules is createRequire's, at run time, which bundlers do not follow
      to: { path: '(^|node_modules/)undici(/|$)', dependencyTypesNot: ['type-only', 'type-import', 'require'] },
    },
    {
      name: 'no-import-of-package-entry',
      comment: 'src/index.ts is the public surface only: import the module that defines the symbol',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/index\\.ts$' },
    },
  ],
  options: {
    // type-only imports count: they are dependencies of the design, if not of the bundle
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
