/**
 * Swift names in URLs. A container name is one path segment; an object name may contain `/`
 * and any other character, so each `/`-separated piece is percent-encoded on its own. WHATWG
 * URL parsing (which undici uses) collapses `.` and `..` segments, even percent-encoded ones,
 * so a name holding such a segment is sent with its slashes encoded as `%2F` (Swift decodes
 * the whole path, so the object is the same).
 */
import { ValidationError } from '../../errors/errors.js';
import { requireId } from '../../resource/ids.js';
import { byteLength } from '../../transport/bytes.js';

const MAX_CONTAINER_NAME = 256;
const MAX_OBJECT_NAME = 1024;

/** A Swift name is a string: an object (even one with an `id`) is no name. */
function nameOnly(x: unknown): unknown {
  return typeof x === 'object' && x !== null ? undefined : x;
}

/** Check a container name before it is put in a URL (non-empty, no `/`, at most 256 bytes). */
export function checkContainerName(container: string): void {
  requireId('container', nameOnly(container), 'container', 'name');
  if (container.includes('/')) {
    throw new ValidationError(`container names cannot contain "/" (got "${container}")`, {
      field: 'container',
      fix: 'put the "/" in the object name instead',
    });
  }
  if (byteLength(container) > MAX_CONTAINER_NAME) {
    throw new ValidationError(`container names are at most ${MAX_CONTAINER_NAME} bytes`, {
      field: 'container',
    });
  }
}

/** Check an object name (non-empty, at most 1024 bytes of UTF-8). */
export function checkObjectName(name: string): void {
  requireId('object', nameOnly(name), 'name', 'name');
  if (byteLength(name) > MAX_OBJECT_NAME) {
    throw new ValidationError(`object names are at most ${MAX_OBJECT_NAME} bytes`, { field: 'name' });
  }
}

/** Percent-encode an object name for a URL path, keeping `/` where that is safe. */
export function encodeObjectName(name: string): string {
  const segments = name.split('/');
  if (segments.some((s) => s === '.' || s === '..')) return encodeURIComponent(name);
  return segments.map(encodeURIComponent).join('/');
}

/** `/container` relative to the account URL. */
export function containerPath(container: string): string {
  checkContainerName(container);
  return `/${encodeURIComponent(container)}`;
}

/** `/container/object` relative to the account URL. */
export function objectPath(container: string, name: string): string {
  checkObjectName(name);
  return `${containerPath(container)}/${encodeObjectName(name)}`;
}

/** The un-encoded `/container/object` form used in SLO manifests and bulk-delete lines. */
export function rawObjectPath(container: string, name: string): string {
  return `/${container}/${name}`;
}
