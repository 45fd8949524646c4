/**
 * File path arithmetic: Node's `path` where it exists (Windows paths included), else a POSIX
 * version of the few functions the config search uses, so a runtime without a file system can
 * still compute (and then not find) the candidate files.
 */
import { nodeModule } from './node.js';

function normalize(parts: string[], absolute: boolean): string {
  const out: string[] = [];
  for (const p of parts.join('/').split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else out.push(p);
  }
  const s = out.join('/');
  return absolute ? `/${s}` : s || '.';
}

/** The platform's path separator (`/` outside Node). */
export function pathSep(): string {
  return nodeModule('node:path')?.sep ?? '/';
}

/** `path.join`. */
export function joinPath(...parts: string[]): string {
  const p = nodeModule('node:path');
  if (p) return p.join(...parts);
  return normalize(parts, parts[0]?.startsWith('/') ?? false);
}

/** `path.isAbsolute`. */
export function isAbsolutePath(path: string): boolean {
  const p = nodeModule('node:path');
  return p ? p.isAbsolute(path) : path.startsWith('/');
}

/** `path.resolve`, against `/` where there is no working directory. */
export function resolvePath(...parts: string[]): string {
  const p = nodeModule('node:path');
  if (p) return p.resolve(...parts);
  let i = parts.length - 1;
  while (i > 0 && !parts[i]!.startsWith('/')) i--;
  return normalize(['/', ...parts.slice(i)], true);
}
