/**
 * Placement helpers the proxy's sections share: the id-or-resource argument type, the checks
 * placement's writes need before sending, and the documents kept under one provider.
 * @internal
 */
import { ValidationError } from '../../errors/errors.js';
import type { ResourceDefinition } from '../../resource/definition.js';
import type { Fields } from '../../resource/field.js';
import { requireId } from '../../resource/ids.js';
import type { Resource, ResourceBase } from '../../resource/instance.js';
import type { RequestOptions } from '../../session/request-options.js';
import type { ServiceClient } from '../../session/service-client.js';
import { requestDocument } from '../service-documents.js';

/** A resource or its id. */
export type IdArg = string | ResourceBase<any>;

/** Custom traits and resource classes: `CUSTOM_` then upper-case letters, digits and `_`. */
const CUSTOM_NAME = /^CUSTOM_[A-Z0-9_]+$/;

/** Refuse a custom trait or resource class name placement would refuse, with the name to use. */
export function requireCustom(kind: string, name: string): void {
  if (!CUSTOM_NAME.test(name)) {
    throw new ValidationError(
      `custom ${kind}s are named CUSTOM_ and upper-case letters, digits or _, got "${name}"`,
      {
        field: `${kind}.name`,
        fix: `use e.g. CUSTOM_${name
          .toUpperCase()
          .replace(/[^A-Z0-9_]/g, '_')
          .replace(/^CUSTOM_/, '')}`,
      },
    );
  }
}

/** Refuse a generation-guarded write without the provider generation it is based on. */
export function requireGeneration(what: string, generation: unknown): void {
  if (typeof generation !== 'number' || !Number.isInteger(generation)) {
    throw new ValidationError('needs the resource provider generation it is based on', {
      field: `${what}.resourceProviderGeneration`,
      fix: 'read it (getResourceProvider, or the document you are changing) and pass it; on a 409 read again and retry',
    });
  }
}

/** The microversion a call will use (its own, else the negotiated one, else `fallback`) and its minor number. */
export function callMicroversion(
  client: ServiceClient,
  opts: RequestOptions,
  fallback: string,
): { version: string; minor: number } {
  const version = opts.microversion ?? client.microversion ?? fallback;
  return { version, minor: Number(version.split('.')[1]) };
}

/**
 * Read or write a document kept under one provider (`/resource_providers/{uuid}/<what>`: its
 * inventories, traits, aggregates, usages, allocations), known by the provider's uuid.
 */
export function providerDocument<F extends Fields>(
  client: ServiceClient,
  def: ResourceDefinition<F, any>,
  method: 'GET' | 'PUT',
  provider: IdArg,
  what: string,
  opts: RequestOptions,
  json?: unknown,
): Promise<Resource<F>> {
  const uuid = requireId('resource provider', provider);
  const path = `/resource_providers/${encodeURIComponent(uuid)}/${what}`;
  return requestDocument(client, def, method, path, { json, uri: { uuid } }, opts);
}
