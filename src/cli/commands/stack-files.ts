/**
 * Templates and environments from files, as openstackclient's heat plugin reads them: the
 * template's `get_file` targets and local nested templates go into `files` (keyed by the name the
 * template uses, relative to its directory), each `-e` file too, named in `environment_files` so
 * heat merges them in order. Node-only: it lives in the CLI, never in the SDK's core.
 */
import { dirname, resolve } from 'node:path';
import type { StackTemplateInput } from '../../services/orchestration/index.js';
import { parseProperties, readOptionFile } from './common.js';

/** Local references of a parsed template or environment: `get_file` values and `*.yaml` types. */
function localRefs(doc: unknown, out: Set<string>): void {
  if (Array.isArray(doc)) {
    for (const x of doc) localRefs(x, out);
    return;
  }
  if (!doc || typeof doc !== 'object') return;
  for (const [k, v] of Object.entries(doc)) {
    if (k === 'get_file' && typeof v === 'string') out.add(v);
    else if (k === 'type' && typeof v === 'string' && /\.(ya?ml|template)$/.test(v)) out.add(v);
    else localRefs(v, out);
  }
}

const REMOTE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Read `path` and every local file it refers to (recursively) into `files`. */
async function readWithRefs(path: string, option: string, files: Record<string, string>, seen: Set<string>) {
  const text = await readOptionFile(path, option);
  const { parse } = await import('yaml');
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    // heat reports the syntax error with its line: send the text as it is
    return text;
  }
  const refs = new Set<string>();
  localRefs(doc, refs);
  for (const ref of refs) {
    if (REMOTE.test(ref) || ref in files) continue;
    const full = resolve(dirname(path), ref);
    if (seen.has(full)) continue;
    seen.add(full);
    files[ref] = await readWithRefs(full, option, files, seen);
  }
  return text;
}

/** The options of `stack create|update` and `orchestration template validate` that make a template input. */
export interface TemplateOptions {
  template?: string;
  environment?: string[];
  parameter?: string[];
}

/**
 * A template input from `-t`, `-e` and `--parameter` (`key=value`, several per option separated
 * by `;` as openstackclient allows).
 */
export async function templateInput(o: TemplateOptions): Promise<StackTemplateInput> {
  const input: StackTemplateInput = {};
  const files: Record<string, string> = {};
  const seen = new Set<string>();
  if (o.template !== undefined) {
    if (REMOTE.test(o.template)) input.templateUrl = o.template;
    else input.template = await readWithRefs(o.template, '--template', files, seen);
  }
  if (o.environment?.length) {
    input.environmentFiles = [];
    for (const env of o.environment) {
      files[env] = await readWithRefs(env, '--environment', files, seen);
      input.environmentFiles.push(env);
    }
  }
  const pairs = (o.parameter ?? []).flatMap((p) => p.split(';')).filter((p) => p !== '');
  if (pairs.length) input.parameters = parseProperties(pairs, '--parameter');
  if (Object.keys(files).length) input.files = files;
  return input;
}
