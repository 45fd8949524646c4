/** The stack methods of `conn.orchestration` that are not generated verbs. */
import { NotFoundError, ResourceNotFoundError, ValidationError } from '../../errors/errors.js';
import {
  type DeleteOptions,
  deletePath,
  instantiate,
  type PartialResource,
  type RequestOptions,
  type WaitForStatusOptions,
  type WaitOptions,
} from '../../resource/index.js';
import type { ServiceClient } from '../../session/service-client.js';
import { ServiceProxy } from '../service-proxy.js';
import {
  resolveStack,
  type StackArg,
  type StackIdentity,
  type StackTemplateInput,
  stackPathOf,
  type Template,
  templateBody,
} from './internal.js';
import type { StackFields, StackInstance } from './resource-types.js';
import { Stack } from './stack.js';
import { fetchStack, waitStack, waitStackDelete } from './waits.js';

/** What {@link StackSection.createStack} sends. */
export interface CreateStackInput extends StackTemplateInput {
  /** The new stack's name (letters, digits, `_-.`, starting with a letter). */
  name: string;
  /** Leave a failed create as it is instead of deleting what was made (heat's default: true). */
  disableRollback?: boolean;
  /** Minutes before heat fails the create. */
  timeoutMins?: number;
  /** Tags for the stack (sent as one comma-separated string, so a tag cannot hold a comma). */
  tags?: string[];
}

/** What {@link StackSection.updateStack} sends. */
export interface UpdateStackInput extends StackTemplateInput {
  /**
   * Patch the stack (`PATCH`): keep its current template, parameters and environment where this
   * update names none. Otherwise (`PUT`) the update replaces them all, and a template is required.
   */
  existing?: boolean;
  /** Leave a failed update as it is instead of rolling back to the previous state. */
  disableRollback?: boolean;
  /** Minutes before heat fails the update. */
  timeoutMins?: number;
  /** The stack's tags (sent as one comma-separated string, so a tag cannot hold a comma). */
  tags?: string[];
  /** Parameters to reset to their defaults (with `existing`). */
  clearParameters?: string[];
}

/** A resource of a stack preview: what heat would create. */
export interface PreviewResource {
  /** The resource's name in the template. */
  resource_name: string;
  /** Its type, e.g. `OS::Nova::Server`. */
  resource_type: string;
  /** Its properties as heat computed them for the preview. */
  properties?: Record<string, unknown>;
  /** The names of the resources that depend on this one. */
  required_by?: string[];
  [key: string]: unknown;
}

/** What heat would change in an update, resource by resource (`previewStackUpdate`). */
export interface StackUpdatePreview {
  /** Resources the update would create. */
  added: PreviewResource[];
  /** Resources the update would delete. */
  deleted: PreviewResource[];
  /** Resources the update would replace (create anew, then delete the old one). */
  replaced: PreviewResource[];
  /** Resources the update would leave as they are. */
  unchanged: PreviewResource[];
  /** Resources the update would change in place. */
  updated: PreviewResource[];
}

/** POST one of heat's stack actions (`{"suspend": null}`, ...); heat answers 200 without a body. */
async function stackAction(
  client: ServiceClient,
  stack: StackArg,
  action: string,
  opts: RequestOptions,
): Promise<void> {
  const s = await resolveStack(client, stack, opts);
  const res = await client.request('POST', `${stackPathOf(s)}/actions`, { json: { [action]: null } }, opts);
  await res.body.dump();
}

const NAME = /^[a-zA-Z][a-zA-Z0-9_.-]{0,254}$/;

function checkName(name: unknown): string {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new ValidationError(`invalid stack name ${JSON.stringify(name)}`, {
      field: 'stack.name',
      fix: 'start with a letter; use letters, digits, "_", "-" and "." only (at most 255)',
    });
  }
  return name;
}

function checkTimeout(what: string, t: unknown): void {
  if (t !== undefined && (typeof t !== 'number' || !Number.isInteger(t) || t < 1)) {
    throw new ValidationError(`timeoutMins must be a positive integer (got ${String(t)})`, {
      field: `${what}.timeoutMins`,
      fix: 'pass whole minutes, e.g. 60',
    });
  }
}

function commonBody(what: string, input: CreateStackInput | UpdateStackInput, requireTemplate: boolean) {
  checkTimeout(what, input.timeoutMins);
  const body = templateBody(what, input, requireTemplate);
  if (input.disableRollback !== undefined) body.disable_rollback = input.disableRollback;
  if (input.timeoutMins !== undefined) body.timeout_mins = input.timeoutMins;
  // heat takes tags as one comma-separated string
  if (input.tags !== undefined) body.tags = input.tags.join(',');
  return body;
}

/** Stacks: get, create, update, preview, actions, abandon, delete, waiters (a section of `conn.orchestration`, never constructed). */
export abstract class StackSection extends ServiceProxy {
  /** Heat's name and id of a stack (one lookup request when only one of them is known). */
  resolveStack(stack: StackArg, opts: RequestOptions = {}): Promise<StackIdentity> {
    return resolveStack(this.client, stack, opts);
  }

  /**
   * One stack, with its parameters and outputs' values, by name, id, `name/id` or stack.
   *
   * @example
   * ```ts
   * const stack = await conn.orchestration.getStack('web');
   * console.log(stack.status, stack.outputs?.map((o) => `${o.output_key}=${String(o.output_value)}`));
   * ```
   */
  async getStack(stack: StackArg, opts: RequestOptions = {}): Promise<StackInstance> {
    return fetchStack(this.client, await resolveStack(this.client, stack, opts), opts);
  }

  /**
   * A stack by name or id; a `ResourceNotFoundError` when there is none, or `undefined` with
   * `ignoreMissing`. Heat still shows a deleted stack (`DELETE_COMPLETE`) by name for a while:
   * that one is none too.
   */
  async findStack(
    nameOrId: string,
    opts: RequestOptions & { ignoreMissing?: boolean } = {},
  ): Promise<StackInstance | undefined> {
    let s: StackInstance | undefined;
    try {
      s = await this.getStack(nameOrId, opts);
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
    }
    if (s && s.status !== 'DELETE_COMPLETE') return s;
    if (opts.ignoreMissing) return undefined;
    throw new ResourceNotFoundError(`no stack with id or name "${nameOrId}"`);
  }

  /**
   * Create a stack. Heat answers at once with the id (the type promises id and name only); the
   * engine then creates the resources: `waitForStack(stack, 'CREATE_COMPLETE')` waits for them
   * and names the failing resource and its reason when the create fails.
   *
   * @example
   * ```ts
   * const template = `
   * heat_template_version: 2018-08-31
   * parameters:
   *   name: {type: string}
   * resources:
   *   net: {type: OS::Neutron::Net, properties: {name: {get_param: name}}}
   * outputs:
   *   net_id: {value: {get_resource: net}}
   * `;
   * const created = await conn.orchestration.createStack({ name: 'net-stack', template, parameters: { name: 'n1' } });
   * const stack = await conn.orchestration.waitForStack(created, 'CREATE_COMPLETE');
   * ```
   */
  async createStack(
    input: CreateStackInput,
    opts: RequestOptions = {},
  ): Promise<PartialResource<StackFields>> {
    if (typeof input !== 'object' || input === null) {
      throw new ValidationError('the stack to create is required', {
        field: 'stack',
        fix: 'pass { name, template, ... }',
      });
    }
    const name = checkName(input.name);
    const body = { stack_name: name, ...commonBody('stack', input, true) };
    const doc = await this.client.decode('POST', '/stacks', { json: body }, opts);
    const made = doc.resource('stack');
    return instantiate(Stack, this.client, { stack_name: name, ...made });
  }

  /**
   * Update a stack (heat answers 202; wait for `UPDATE_COMPLETE`). With `existing`, a PATCH
   * that keeps whatever this update does not name.
   */
  async updateStack(stack: StackArg, input: UpdateStackInput, opts: RequestOptions = {}): Promise<void> {
    if (typeof input !== 'object' || input === null) {
      throw new ValidationError('the update is required', {
        field: 'update',
        fix: 'pass { template, parameters, ... }',
      });
    }
    const body = commonBody('update', input, !input.existing);
    if (input.clearParameters !== undefined) body.clear_parameters = input.clearParameters;
    const s = await resolveStack(this.client, stack, opts);
    const res = await this.client.request(
      input.existing ? 'PATCH' : 'PUT',
      stackPathOf(s),
      { json: body },
      opts,
    );
    await res.body.dump();
  }

  /** What heat would create for a stack, without creating anything (`POST /stacks/preview`). */
  async previewStack(
    input: CreateStackInput,
    opts: RequestOptions = {},
  ): Promise<{ stack: StackInstance; resources: PreviewResource[] }> {
    const name = checkName(input?.name);
    const body = { stack_name: name, ...commonBody('stack', input, true) };
    const doc = await this.client.decode('POST', '/stacks/preview', { json: body }, opts);
    const raw = doc.resource('stack');
    const resources = (Array.isArray(raw.resources) ? raw.resources.flat(Infinity) : []) as PreviewResource[];
    return { stack: instantiate(Stack, this.client, raw), resources };
  }

  /** What an update would add, delete, replace, update or leave (`PUT|PATCH .../preview`). */
  async previewStackUpdate(
    stack: StackArg,
    input: UpdateStackInput,
    opts: RequestOptions = {},
  ): Promise<StackUpdatePreview> {
    const body = commonBody('update', input, !input?.existing);
    const s = await resolveStack(this.client, stack, opts);
    const method = input.existing ? 'PATCH' : 'PUT';
    const doc = await this.client.decode(method, `${stackPathOf(s)}/preview`, { json: body }, opts);
    const ch = doc.key('resource_changes', 'object') as Partial<StackUpdatePreview>;
    return {
      added: ch.added ?? [],
      deleted: ch.deleted ?? [],
      replaced: ch.replaced ?? [],
      unchanged: ch.unchanged ?? [],
      updated: ch.updated ?? [],
    };
  }

  /** Delete a stack and its resources (asynchronous: `waitForStackDelete`). */
  async deleteStack(stack: StackArg, opts: DeleteOptions = {}): Promise<void> {
    let s: StackIdentity;
    try {
      s = await resolveStack(this.client, stack, opts);
    } catch (e) {
      if (opts.ignoreMissing && e instanceof NotFoundError) return;
      throw e;
    }
    await deletePath(this.client, stackPathOf(s), opts);
  }

  /**
   * Abandon a stack: heat forgets it but leaves its resources, and answers the data a later
   * adopt needs. Only where the cloud enables it (`enable_stack_abandon`); else heat answers 400.
   */
  async abandonStack(stack: StackArg, opts: RequestOptions = {}): Promise<Record<string, unknown>> {
    const s = await resolveStack(this.client, stack, opts);
    return (await this.client.decode('DELETE', `${stackPathOf(s)}/abandon`, {}, opts)).object();
  }

  /** Suspend a stack's resources (servers paused, ...); wait for `SUSPEND_COMPLETE`. */
  suspendStack(stack: StackArg, opts: RequestOptions = {}): Promise<void> {
    return stackAction(this.client, stack, 'suspend', opts);
  }

  /** Resume a suspended stack; wait for `RESUME_COMPLETE`. */
  resumeStack(stack: StackArg, opts: RequestOptions = {}): Promise<void> {
    return stackAction(this.client, stack, 'resume', opts);
  }

  /** Check that a stack's resources still exist as heat made them; wait for `CHECK_COMPLETE`. */
  checkStack(stack: StackArg, opts: RequestOptions = {}): Promise<void> {
    return stackAction(this.client, stack, 'check', opts);
  }

  /** Cancel an update in progress (heat rolls it back). */
  cancelStackUpdate(stack: StackArg, opts: RequestOptions = {}): Promise<void> {
    return stackAction(this.client, stack, 'cancel_update', opts);
  }

  /**
   * Wait until a stack reaches `status` (e.g. `CREATE_COMPLETE`). A `*_FAILED` status (or a
   * rollback) throws a `StackFailureError` whose message and `failedResources` give the stack's
   * reason and each failed resource's name, type and reason.
   *
   * @example
   * ```ts
   * import { orchestration } from 'openstack-sdk';
   * try {
   *   await conn.orchestration.waitForStack('web', 'UPDATE_COMPLETE', { timeoutMs: 30 * 60_000 });
   * } catch (e) {
   *   if (e instanceof orchestration.StackFailureError) for (const r of e.failedResources) console.error(r.resourceName, r.statusReason);
   *   throw e;
   * }
   * ```
   */
  async waitForStack(
    stack: StackArg,
    status: string | string[],
    opts: WaitForStatusOptions & RequestOptions = {},
  ): Promise<StackInstance> {
    return waitStack(this.client, await resolveStack(this.client, stack, opts), status, opts);
  }

  /** Wait until a stack is deleted; a `DELETE_FAILED` throws a `StackFailureError` as above. */
  async waitForStackDelete(stack: StackArg, opts: WaitOptions & RequestOptions = {}): Promise<void> {
    let s: StackIdentity;
    try {
      s = await resolveStack(this.client, stack, opts);
    } catch (e) {
      if (e instanceof NotFoundError) return;
      throw e;
    }
    await waitStackDelete(this.client, s, opts);
  }

  /** The template a stack was made from (as heat stores it: an object). */
  async getStackTemplate(stack: StackArg, opts: RequestOptions = {}): Promise<Record<string, unknown>> {
    const s = await resolveStack(this.client, stack, opts);
    return (await this.client.decode('GET', `${stackPathOf(s)}/template`, {}, opts)).object();
  }

  /** The merged environment of a stack. */
  async getStackEnvironment(stack: StackArg, opts: RequestOptions = {}): Promise<Record<string, unknown>> {
    const s = await resolveStack(this.client, stack, opts);
    return (await this.client.decode('GET', `${stackPathOf(s)}/environment`, {}, opts)).object();
  }

  /** The files a stack was created with (`files`), by name. */
  async getStackFiles(stack: StackArg, opts: RequestOptions = {}): Promise<Record<string, string>> {
    const s = await resolveStack(this.client, stack, opts);
    return (await this.client.decode('GET', `${stackPathOf(s)}/files`, {}, opts)).object() as Record<
      string,
      string
    >;
  }
}

export type { Template };
