/**
 * Reading clouds.yaml / secure.yaml / clouds-public.yaml (or their .json forms).
 *
 * YAML is read with YAML 1.1 rules, like PyYAML's `safe_load` that openstacksdk uses
 * (`verify: no` is a boolean, merge keys `<<:` work, duplicate keys: last wins). Numbers
 * are kept as the text that was written (`compute_api_version: 2.10` stays "2.10", where
 * a float would lose the trailing zero), and every scalar inside `auth:` stays a string
 * as written (a password `yes` or `0123` is not turned into a boolean or a number).
 */
import type * as Yaml from 'yaml';
import { ConfigError } from '../errors/errors.js';
import { nodeModule, requireNodeModule } from '../platform/node.js';

let yamlModule: typeof Yaml | undefined;

/**
 * The YAML parser, loaded on the first file read rather than at import: it costs ~50 ms of
 * start-up, and a connection configured in code or from OS_* variables never reads a file.
 * Loading stays synchronous (config loading is): CommonJS builds and bundlers get a plain
 * `require('yaml')` they resolve themselves, ES modules under Node one from createRequire.
 */
function yaml(): typeof Yaml {
  yamlModule ??= (
    typeof require === 'function'
      ? require('yaml')
      : requireNodeModule('node:module', 'reading YAML configuration').createRequire(import.meta.url)('yaml')
  ) as typeof Yaml;
  // browser bundles map yaml to an empty module (package.json "browser"): no file to parse there
  if (typeof yamlModule.parseDocument !== 'function') {
    yamlModule = undefined;
    throw new ConfigError('YAML configuration cannot be parsed in a browser build', {
      fix: 'pass the cloud settings in code (new Connection({ config: { auth: { ... } } }))',
    });
  }
  return yamlModule;
}

/** A parsed config document; `clouds` maps cloud names to their (raw) entries. */
export interface ConfigDocument {
  /** The file it was read from. */
  path: string;
  /** Its parsed contents. */
  data: Record<string, unknown>;
}

const PYYAML_BOOL = /^(?:true|false|yes|no|on|off)$/i;
const PLAIN_DECIMAL = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function insideAuth(path: readonly unknown[], { isPair, isScalar }: typeof Yaml): boolean {
  return path.some((n) => isPair(n) && isScalar(n.key) && n.key.value === 'auth');
}

function parseYaml(text: string, path: string): unknown {
  const y = yaml();
  const { isScalar, parseDocument, visit } = y;
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: false, merge: true, prettyErrors: true });
  const err = doc.errors[0];
  if (err) {
    // Never echo the file's text: it may hold a password. Position and code only.
    const pos = err.linePos?.[0];
    const where = pos ? ` at line ${pos.line}, column ${pos.col}` : '';
    throw new ConfigError(`${path} is not valid YAML (${err.code}${where})`, {
      fix: `correct the YAML syntax of ${path}${where}`,
    });
  }
  visit(doc, {
    Scalar(key, node, ancestry) {
      if (key === 'key' || typeof node.value === 'string' || node.value === null) return;
      const source = (node as { source?: unknown }).source;
      if (typeof source !== 'string') return;
      if (insideAuth(ancestry, y)) {
        node.value = source;
      } else if (typeof node.value === 'boolean' && !PYYAML_BOOL.test(source)) {
        // YAML 1.1 also reads y/n as booleans; PyYAML does not.
        node.value = source;
      } else if (typeof node.value === 'number') {
        node.value = PLAIN_DECIMAL.test(source) ? source : String(node.value);
      }
    },
  });
  // A YAML 1.1 key such as `n:` or `yes:` must stay a string key.
  visit(doc, {
    Pair(_key, pair) {
      if (isScalar(pair.key) && typeof pair.key.value !== 'string' && pair.key.value !== null) {
        const source = (pair.key as { source?: unknown }).source;
        pair.key.value = typeof source === 'string' ? source : String(pair.key.value);
      }
    },
  });
  return doc.toJS({ maxAliasCount: 1000 });
}

function stringifyNumbers(v: unknown): unknown {
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(stringifyNumbers);
  if (isRecord(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(v)) out[k] = stringifyNumbers(val);
    return out;
  }
  return v;
}

/** Parse file text (YAML, or JSON when the name ends in .json). */
export function parseConfigText(text: string, path: string): Record<string, unknown> {
  let data: unknown;
  if (path.endsWith('.json')) {
    try {
      data = stringifyNumbers(JSON.parse(text));
    } catch (e) {
      const m = /position (\d+)/.exec((e as Error).message);
      throw new ConfigError(`${path} is not valid JSON${m ? ` (at position ${m[1]})` : ''}`, {
        fix: `correct the JSON syntax of ${path}`,
      });
    }
  } else {
    data = parseYaml(text, path);
  }
  // An empty file is no configuration at all (openstacksdk skips it without error).
  if (data === null || data === undefined) return {};
  if (!isRecord(data)) {
    throw new ConfigError(`configuration file ${path} is not a mapping`, {
      fix: `make ${path} a YAML mapping with a top-level "clouds:" key`,
    });
  }
  if (data.clouds !== undefined && data.clouds !== null && !isRecord(data.clouds)) {
    throw new ConfigError(`"clouds" in ${path} is not a mapping of cloud names to settings`, {
      field: 'clouds',
      fix: `write "clouds:" in ${path} as a mapping, e.g. "clouds:\\n  mycloud:\\n    auth: ..."`,
    });
  }
  return data;
}

/** Read and parse one configuration file. */
export function readConfigFile(path: string): ConfigDocument {
  const fs = nodeModule('node:fs');
  if (!fs) {
    throw new ConfigError(`cannot read ${path}: this runtime (a browser or worker) has no file system`, {
      fix: 'pass the cloud settings in code (new Connection({ auth: { ... } })) instead of a file',
    });
  }
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`, {
      fix: `check that ${path} is a readable file`,
    });
  }
  return { path, data: parseConfigText(text, path) };
}

/** The `clouds:` mapping of a document (empty when absent). */
export function cloudsOf(doc: ConfigDocument | undefined): Record<string, unknown> {
  const c = doc?.data.clouds;
  return isRecord(c) ? c : {};
}
