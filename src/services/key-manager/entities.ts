/**
 * Reading barbican's documents into resources. Barbican's entities carry a ref and no id, and
 * its listings page by `offset` and `limit` with a `next` URL (no markers): the generated
 * verbs assume ids and fall back to markers, so the key manager reads through these
 * functions instead. Each gives the instance its `id` (the ref's uuid) before anyone sees it.
 * Barbican's `next` URL keeps only `limit` and `offset`, dropping every filter (a listing by
 * name would go on with every secret from page two): the next page is our own URL with the
 * offset `next` names.
 * @internal
 */
import type { ResourceDefinition } from '../../resource/definition.js';
import type { Fields } from '../../resource/field.js';
import { instantiate, type Resource } from '../../resource/instance.js';
import { type ListQuery, listQueryToApi, type VerbOptions } from '../../resource/operations.js';
import { PageCycleGuard, ResourceList, setQueryParam } from '../../resource/pagination.js';
import type { JsonDocument } from '../../session/decode.js';
import type { ServiceClient } from '../../session/service-client.js';
import { idOfRef } from './refs.js';

/** A resource from a barbican entity document, with `id` taken from its `<kind>_ref`. */
export function entity<F extends Fields>(
  def: ResourceDefinition<F, any>,
  client: ServiceClient,
  body: Record<string, unknown>,
  refKey: string,
): Resource<F> {
  const ref = body[refKey];
  const withId = typeof ref === 'string' && body.id === undefined ? { ...body, id: idOfRef(ref) } : body;
  return instantiate(def, client, withId);
}

/** The entity of a document, which must be an object holding `refKey`. */
export function entityOf<F extends Fields>(
  def: ResourceDefinition<F, any>,
  client: ServiceClient,
  doc: JsonDocument,
  refKey: string,
): Resource<F> {
  const body = doc.resource(null);
  if (typeof body[refKey] !== 'string') throw doc.fail('missing-key', `the ${def.name} has no ${refKey}`);
  return entity(def, client, body, refKey);
}

/** The `offset` of barbican's `next` URL, when it sent one. */
function nextOffset(next: unknown): string | undefined {
  if (typeof next !== 'string' || next === '') return undefined;
  const q = next.indexOf('?');
  return new URLSearchParams(q < 0 ? '' : next.slice(q + 1)).get('offset') ?? undefined;
}

/**
 * A lazy listing of `def` under its plural key: one page at a time, following barbican's `next`
 * URL; a page that links back to one already read is an InvalidResponseError.
 */
export function listEntities<F extends Fields, Q extends Record<string, string>>(
  client: ServiceClient,
  def: ResourceDefinition<F, Q>,
  refKey: string | undefined,
  query: ListQuery<Q> = {} as ListQuery<Q>,
  opts: VerbOptions & { path?: string } = {},
): ResourceList<Resource<F>> {
  const apiQuery = listQueryToApi(def, query as Record<string, unknown>);
  const path = opts.path ?? def.basePath;
  const key = def.resourcesKey;
  return new ResourceList(async function* () {
    let url: string | undefined = await client.url(path, apiQuery, opts.signal);
    const cycle = new PageCycleGuard();
    cycle.start(url);
    while (url) {
      const doc = await client.decode('GET', url, {}, opts);
      const rows = doc.rows(key);
      cycle.page(doc, rows, refKey ?? 'name');
      const offset = rows.length > 0 ? nextOffset((doc.value as { next?: unknown }).next) : undefined;
      url = offset === undefined ? undefined : setQueryParam(url, 'offset', offset);
      if (url) cycle.follow(url, doc);
      yield rows.map((b) => (refKey ? entity(def, client, b, refKey) : instantiate(def, client, b)));
    }
  });
}
