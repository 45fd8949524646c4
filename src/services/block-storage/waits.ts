/**
 * Waiting on cinder resources: the shared waiters (each poll gets the wait's signal, and the
 * wait's `timeoutMs` bounds the whole wait, not each poll), and a failed wait explained with
 * cinder's user messages.
 * @internal
 */
import { BadRequestError, ResourceFailureError } from '../../errors/errors.js';
import type { ResourceDefinition } from '../../resource/definition.js';
import type { Fields } from '../../resource/field.js';
import { requireId } from '../../resource/ids.js';
import type { Resource } from '../../resource/instance.js';
import { listResources, type VerbOptions } from '../../resource/operations.js';
import { type NamedVerbs, namedVerbs } from '../../resource/verbs.js';
import type { WaitForStatusOptions, WaitOptions } from '../../resource/waiters.js';
import { microversionInRange } from '../../session/microversion.js';
import type { RequestOptions } from '../../session/request-options.js';
import type { ServiceClient } from '../../session/service-client.js';
import type { IdArg } from './internal.js';
import { Message } from './message.js';
import type { MessageResource } from './resource-types.js';

/** The generated `waitForIt` / `waitForItDelete` of a definition. */
export function waitersOf<F extends Fields, Q extends Record<string, string>>(
  client: ServiceClient,
  def: ResourceDefinition<F, Q>,
): NamedVerbs<'It', 'Them', F, Q, 'wait'> {
  return namedVerbs(client, def, 'It', 'Them', ['wait']);
}

/**
 * Wait until a volume or snapshot reaches `status`, failing fast on `failures` (unless the
 * caller names its own) and explaining a failure with cinder's user messages.
 */
export function waitExplained<F extends Fields, Q extends Record<string, string>>(
  client: ServiceClient,
  def: ResourceDefinition<F, Q>,
  failures: readonly string[],
  id: IdArg,
  status: string | string[],
  opts: WaitForStatusOptions & VerbOptions,
): Promise<Resource<F>> {
  const wait = waitersOf(client, def).waitForIt(id, status, { failures: [...failures], ...opts });
  return explainFailure(client, wait, id, opts);
}

/** Wait until a volume or snapshot is gone, explaining a failure with cinder's user messages. */
export function waitDeleteExplained<F extends Fields, Q extends Record<string, string>>(
  client: ServiceClient,
  def: ResourceDefinition<F, Q>,
  id: IdArg,
  opts: WaitOptions & VerbOptions,
): Promise<void> {
  return explainFailure(client, waitersOf(client, def).waitForItDelete(id, opts), id, opts);
}

/**
 * Volumes and snapshots carry no failure reason: when a wait fails, add cinder's newest user
 * message about the resource (3.3 `/messages`, e.g. "Volume Driver failed to extend volume.")
 * to the error and its `fault`. Without messages the original error is thrown.
 */
async function explainFailure<T>(
  client: ServiceClient,
  wait: Promise<T>,
  resource: IdArg,
  opts: RequestOptions,
): Promise<T> {
  try {
    return await wait;
  } catch (e) {
    if (!(e instanceof ResourceFailureError) || e.fault) throw e;
    const msg = await latestUserMessage(client, requireId('resource', resource), opts).catch(() => undefined);
    if (!msg) throw e;
    throw new ResourceFailureError(`${e.message}: ${msg}`, e.status, msg);
  }
}

async function latestUserMessage(
  client: ServiceClient,
  resourceUuid: string,
  opts: RequestOptions,
): Promise<string | undefined> {
  // the wait's timeoutMs was the whole wait's; messages exist from 3.3 whatever the call's version
  const o: RequestOptions = { ...opts, timeoutMs: undefined };
  const v = opts.microversion ?? client.microversion;
  if (v !== undefined && !microversionInRange(v, '3.3')) o.microversion = '3.3';
  let messages: MessageResource[];
  try {
    messages = await listResources(client, Message, { resourceUuid }, o).toArray();
  } catch (e) {
    // clouds may refuse list filters to members: filter here instead
    if (!(e instanceof BadRequestError)) throw e;
    messages = (await listResources(client, Message, {}, o).toArray()).filter(
      (m) => m.resourceUuid === resourceUuid,
    );
  }
  const newest = messages.sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)))[0];
  return newest?.userMessage;
}
