/**
 * Waiting on nodes: a provision or power wait ends in failure not only in a `* failed` state,
 * but also when ironic gives up on the transition and leaves the node stable elsewhere (a
 * failed `manage` goes back to `enroll`) with `last_error` set. Every failure names the node,
 * the state it was moving to and ironic's `last_error`.
 * @internal
 */
import { ResourceFailureError } from '../../errors/errors.js';
import { fetchResource, type VerbOptions } from '../../resource/operations.js';
import { type WaitForStatusOptions, type WaitOptions, waitForStatus } from '../../resource/waiters.js';
import type { ServiceClient } from '../../session/service-client.js';
import type { IdArg } from './internal.js';
import { Node } from './node.js';
import type { NodeResource } from './resource-types.js';

/** Whether a provision state is a failure ironic stops in (`deploy failed`, `error`, ...). */
export function isFailedProvisionState(state: string | undefined): boolean {
  return !!state && (state === 'error' || state.endsWith(' failed'));
}

function label(node: NodeResource): string {
  return node.name ? `baremetal node ${node.name} (${node.uuid})` : `baremetal node ${node.uuid}`;
}

/** The failure a node shows while moving to `want` on `attr`, or undefined if it may still get there. */
export function nodeFailure(
  node: NodeResource,
  attr: 'provision' | 'power',
  want: readonly string[],
): ResourceFailureError | undefined {
  const state = attr === 'provision' ? node.provisionState : (node.powerState ?? undefined);
  const target = attr === 'provision' ? node.targetProvisionState : node.targetPowerState;
  if (state !== undefined && want.includes(state)) return undefined;
  const failed = attr === 'provision' && isFailedProvisionState(state);
  // a stable node elsewhere with an error: ironic gave up on the transition
  const abandoned = !target && !!node.lastError;
  if (!failed && !abandoned) return undefined;
  const reason = node.lastError ?? 'ironic recorded no last_error';
  return new ResourceFailureError(
    `${label(node)} stopped in ${attr} state "${state ?? 'unknown'}" while moving to "${want.join('" / "')}": ${reason}`,
    state ?? 'unknown',
    node.lastError ?? undefined,
  );
}

/** Options of the node waiters. */
export type NodeWaitOptions = WaitOptions & VerbOptions;

/** Poll a node until `attr` reaches one of `want`; fail fast as {@link nodeFailure} says. */
export function waitForNodeState(
  client: ServiceClient,
  node: IdArg,
  attr: 'provision' | 'power',
  want: string | readonly string[],
  opts: NodeWaitOptions = {},
): Promise<NodeResource> {
  const wanted = typeof want === 'string' ? [want] : [...want];
  const { intervalMs, timeoutMs, signal, onPoll, ...request } = opts;
  const refresh = async (s?: AbortSignal) => {
    // the wait's timeoutMs bounds the whole wait (the signal), not each poll
    const n = await fetchResource(client, Node, node, { ...request, signal: s });
    const failure = nodeFailure(n, attr, wanted);
    if (failure) throw failure;
    return n;
  };
  const o: WaitForStatusOptions = {
    intervalMs: intervalMs ?? 1000,
    timeoutMs,
    signal,
    onPoll,
    failures: [],
    attribute: attr === 'provision' ? 'provisionState' : 'powerState',
  };
  return waitForStatus(refresh, wanted, o);
}
