/**
 * Swift resources carry user metadata as `X-<Kind>-Meta-*` headers, which a field declaration
 * cannot express (the names are open-ended). This adds a read-only `metadata` property to the
 * resource class of a definition, decoded from the stored response headers.
 */
import type { ResourceDefinition } from '../../resource/definition.js';
import { classFor, type ResourceBase } from '../../resource/instance.js';
import { type MetaKind, metadataFromHeaders } from './metadata.js';

/** Give instances of `def` a `metadata` getter for `X-<kind>-Meta-*` headers. */
export function addMetadataAccessor(def: ResourceDefinition<any, any>, kind: MetaKind): void {
  const proto = classFor(def).prototype as object;
  if (Object.hasOwn(proto, 'metadata')) return;
  Object.defineProperty(proto, 'metadata', {
    get(this: ResourceBase) {
      return metadataFromHeaders(kind, this._headers);
    },
    enumerable: true,
    configurable: true,
  });
}
