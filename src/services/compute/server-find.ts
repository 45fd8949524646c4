/**
 * Finding a server by id or exact name. Nova matches the `name` filter as a regular
 * expression, so a name is anchored and escaped before it is sent: `web(1)` finds `web(1)`
 * only, not `web1`, and does not make nova reject an invalid pattern.
 */
import { MultipleMatchesError, NotFoundError, ResourceNotFoundError } from '../../errors/errors.js';
import { type FindOptions, fetchResource, listResources, type Resource } from '../../resource/index.js';
import type { ServiceClient } from '../../session/service-client.js';
import { Server } from './server.js';

type ServerFields = (typeof Server)['fields'];
type ServerQuery = (typeof Server)['query'];

/** A regular expression matching exactly `s`. */
export function exactNamePattern(s: string): string {
  return `^${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
}

export async function findServer(
  client: ServiceClient,
  nameOrId: string,
  opts: FindOptions<ServerQuery> = {},
): Promise<Resource<ServerFields> | undefined> {
  const { query, ignoreMissing, ...o } = opts;
  try {
    return await fetchResource(client, Server, nameOrId, o);
  } catch (e) {
    if (!(e instanceof NotFoundError) && (e as { status?: number }).status !== 400) throw e;
  }
  const matches: Resource<ServerFields>[] = [];
  for await (const s of listResources(client, Server, { ...query, name: exactNamePattern(nameOrId) }, o))
    if (s.name === nameOrId) matches.push(s);
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    throw new MultipleMatchesError(
      `${matches.length} servers are named "${nameOrId}" (ids: ${matches.map((m) => m.id).join(', ')}); use an id`,
      matches.map((m) => m.id),
    );
  }
  if (ignoreMissing) return undefined;
  throw new ResourceNotFoundError(`no server with id or name "${nameOrId}"`);
}
