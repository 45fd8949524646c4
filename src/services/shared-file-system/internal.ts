/**
 * Helpers the sections of `conn.sharedFileSystem` share: the id-or-resource argument type, share
 * actions, and a failed wait explained with manila's user messages.
 * @internal
 */
import { ResourceFailureError } from '../../errors/errors.js';
import type { ResourceDefinition } from '../../resource/definition.js';
import type { Fields } from '../../resource/field.js';
import { requireId } from '../../resource/ids.js';
import type { RequestOptions, Resource, ResourceBase } from '../../resource/instance.js';
import { resourceAction } from '../../resource/mixins.js';
import { fetchResource, type VerbOptions } from '../../resource/operations.js';
import { type WaitForStatusOptions, waitForStatus } from '../../resource/waiters.js';
import { microversionInRange } from '../../session/microversion.js';
import type { ServiceClient } from '../../session/service-client.js';

/** A resource or its id. */
export type IdArg = string | ResourceBase<any>;

/** `POST /shares/{id}/action` with `{ name: body }`; resolves with the answer's body, if any. */
export async function shareAction<T = unknown>(
  client: ServiceClient,
  share: IdArg,
  name: string,
  body: unknown,
  opts: RequestOptions & { idempotent?: boolean } = {},
): Promise<T | undefined> {
  return (await resourceAction<T>(client, '/shares', requireId('share', share), name, body, opts)).body;
}

/**
 * Wait until a share or snapshot reaches `status`, failing fast on `failures` (unless the caller
 * names its own) and explaining a failure with manila's newest user message about it.
 */
export async function waitExplained<F extends Fields, Q extends Record<string, string>>(
  client: ServiceClient,
  def: ResourceDefinition<F, Q>,
  failures: readonly string[],
  id: IdArg,
  status: string | string[],
  opts: WaitForStatusOptions & VerbOptions,
): Promise<Resource<F>> {
  const key = requireId(def.name, id);
  try {
    return await waitForStatus(
      (signal) => fetchResource(client, def, key, { ...opts, timeoutMs: undefined, signal }),
      status,
      { failures: [...failures], ...opts },
    );
  } catch (e) {
    if (!(e instanceof ResourceFailureError) || e.fault) throw e;
    const msg = await latestUserMessage(client, key, opts).catch(() => undefined);
    if (!msg) throw e;
    throw new ResourceFailureError(`${e.message}: ${msg}`, e.status, msg);
  }
}

/**
 * Shares and snapshots carry no failure reason; manila records one as a user message
 * (`/messages`, 2.37), e.g. "create: Could not find an existing share server or allocate one".
 */
async function latestUserMessage(
  client: ServiceClient,
  resourceId: string,
  opts: RequestOptions,
): Promise<string | undefined> {
  // the wait's timeoutMs was the whole wait's; messages exist from 2.37 whatever the call's version
  const o: RequestOptions = { ...opts, timeoutMs: undefined };
  const v = opts.microversion ?? client.microversion;
  if (v !== undefined && !microversionInRange(v, '2.37')) o.microversion = '2.37';
  const query = { resource_id: resourceId, sort_key: 'created_at', sort_dir: 'desc', limit: 1 };
  const doc = await client.decode('GET', '/messages', { query }, o);
  const messages = doc.key('messages', 'array') as { user_message?: unknown }[];
  const text = messages[0]?.user_message;
  return typeof text === 'string' && text !== '' ? text : undefined;
}
