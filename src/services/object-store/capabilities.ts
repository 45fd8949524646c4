/**
 * Swift's cluster capabilities (`GET /info` at the proxy root), read once per client: the
 * bulk-delete and SLO limits decide how deletes and large uploads are sent.
 */
import { instantiate } from '../../resource/instance.js';
import { splitVersionedUrl } from '../../session/discovery.js';
import type { RequestOptions } from '../../session/request-options.js';
import type { ServiceClient } from '../../session/service-client.js';
import { Capabilities, type CapabilitiesResource } from './info.js';

// one read per client (one per proxy); a failed read is forgotten so the next call retries
const cache = new WeakMap<ServiceClient, Promise<CapabilitiesResource>>();

/** The cluster's capabilities, cached per client; `refresh` reads them again. */
export function readCapabilities(
  client: ServiceClient,
  o: RequestOptions & { refresh?: boolean } = {},
): Promise<CapabilitiesResource> {
  const cached = cache.get(client);
  if (cached && !o.refresh) return cached;
  const info = (async () => {
    const root = splitVersionedUrl(await client.baseUrl(o.signal)).root;
    const doc = await client.decode('GET', `${root}/info`, {}, o);
    return instantiate(Capabilities, client, doc.object()) as CapabilitiesResource;
  })();
  cache.set(client, info);
  info.catch(() => {
    if (cache.get(client) === info) cache.delete(client);
  });
  return info;
}
