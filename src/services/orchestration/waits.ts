/**
 * Waiting on stacks: poll until a wanted status, fail fast on every `*_FAILED` status (and on a
 * rollback that ends a create or update), and explain a failure with the stack's reason and the
 * failed resources' own reasons.
 * @internal
 */
import { NotFoundError, ResourceFailureError } from '../../errors/errors.js';
import { instantiate, type Resource } from '../../resource/instance.js';
import {
  type WaitForStatusOptions,
  type WaitOptions,
  waitForDelete,
  waitForStatus,
} from '../../resource/waiters.js';
import type { RequestOptions } from '../../session/request-options.js';
import type { ServiceClient } from '../../session/service-client.js';
import { type StackIdentity, stackPathOf } from './internal.js';
import type { StackFields } from './resource-types.js';
import { STACK_FAILED_STATUSES, Stack } from './stack.js';
import { StackResource } from './stack-resource.js';

/** A failed resource of a stack, as a failed wait reports it. */
export interface FailedStackResource {
  /** The name in the template (nested stacks: `parent_resource/name`). */
  resourceName: string;
  /** Its type, e.g. `OS::Nova::Server` (empty when heat gave none). */
  resourceType: string;
  /** Its status as heat reports it, a `*_FAILED` one (e.g. `CREATE_FAILED`). */
  status: string;
  /** Heat's `resource_status_reason`: why it failed (empty when heat gave none). */
  statusReason: string;
}

/** A wait of a stack that ended in a failure status: the stack's reason and its failed resources. */
export class StackFailureError extends ResourceFailureError {
  override name = 'StackFailureError';
  /** The resources that failed, deepest first when heat nests them. */
  readonly failedResources: FailedStackResource[];
  constructor(message: string, status: string, fault: string | undefined, failed: FailedStackResource[]) {
    super(message, status, fault);
    this.failedResources = failed;
  }
}

/** GET a stack by its identity. */
export async function fetchStack(
  client: ServiceClient,
  s: StackIdentity,
  opts: RequestOptions = {},
): Promise<Resource<StackFields>> {
  const doc = await client.decode('GET', stackPathOf(s), {}, opts);
  return instantiate(Stack, client, doc.resource('stack'));
}

/** The failed resources of a stack, nested stacks included (each with heat's reason). */
export async function failedResources(
  client: ServiceClient,
  s: StackIdentity,
  opts: RequestOptions = {},
): Promise<FailedStackResource[]> {
  const doc = await client.decode('GET', `${stackPathOf(s)}/resources`, { query: { nested_depth: 5 } }, opts);
  return doc
    .rows(StackResource.resourcesKey)
    .filter((r) => typeof r.resource_status === 'string' && r.resource_status.endsWith('_FAILED'))
    .map((r) => ({
      resourceName: String(r.resource_name),
      resourceType: String(r.resource_type ?? ''),
      status: String(r.resource_status),
      statusReason: String(r.resource_status_reason ?? ''),
    }));
}

/** The error of a stack that reached `status`: its own reason, then each failed resource's. */
export async function stackFailure(
  client: ServiceClient,
  s: StackIdentity,
  status: string,
  want: string[],
  reason: string | undefined,
  opts: RequestOptions,
): Promise<StackFailureError> {
  const failed = await failedResources(client, s, { ...opts, timeoutMs: undefined }).catch(() => []);
  const parts = failed.map(
    (r) => `resource ${r.resourceName} (${r.resourceType}) ${r.status}: ${r.statusReason}`,
  );
  const fault = [reason, ...parts].filter((x) => x).join('; ') || undefined;
  return new StackFailureError(
    `stack ${s.name} (${s.id}) went to ${status} while waiting for ${want.join('/')}${fault ? `: ${fault}` : ''}`,
    status,
    fault,
    failed,
  );
}

/**
 * Wait until a stack reaches one of `status`. Every `*_FAILED` status ends the wait, and so does
 * `ROLLBACK_COMPLETE` unless it is wanted: a create or update heat rolled back failed.
 */
export async function waitStack(
  client: ServiceClient,
  s: StackIdentity,
  status: string | string[],
  opts: WaitForStatusOptions,
): Promise<Resource<StackFields>> {
  const want = (Array.isArray(status) ? status : [status]).map((x) => x.toUpperCase());
  const failures =
    opts.failures ?? [...STACK_FAILED_STATUSES, 'ROLLBACK_COMPLETE'].filter((x) => !want.includes(x));
  // heat's reason is stack_status_reason, which the shared waiter does not know: keep the last poll
  let last: Resource<StackFields> | undefined;
  const poll = async (signal?: AbortSignal) => {
    last = await fetchStack(client, s, { ...opts, signal, timeoutMs: undefined });
    return last;
  };
  try {
    return await waitForStatus(poll, want, { ...opts, failures });
  } catch (e) {
    if (!(e instanceof ResourceFailureError) || e instanceof StackFailureError) throw e;
    throw await stackFailure(client, s, e.status, want, last?.statusReason ?? e.fault, opts);
  }
}

/** Wait until a stack is deleted (gone, or `DELETE_COMPLETE`); `DELETE_FAILED` explained as above. */
export async function waitStackDelete(
  client: ServiceClient,
  s: StackIdentity,
  opts: WaitOptions,
): Promise<void> {
  await waitForDelete(
    async (signal) => {
      const st = await fetchStack(client, s, { ...opts, signal, timeoutMs: undefined });
      // heat keeps showing a deleted stack by name/id, for good: DELETE_COMPLETE is gone, as a
      // 404 would say (a DELETED status would make the wait poll on for a record that stays)
      if (st.status === 'DELETE_COMPLETE')
        throw new NotFoundError({
          status: 404,
          method: 'GET',
          url: stackPathOf(s),
          serviceMessage: 'the stack is DELETE_COMPLETE',
        });
      if (st.status === 'DELETE_FAILED')
        throw await stackFailure(
          client,
          s,
          'DELETE_FAILED',
          ['DELETE_COMPLETE'],
          st.statusReason ?? undefined,
          opts,
        );
      return st;
    },
    `stack ${s.name} (${s.id})`,
    opts,
  );
}
