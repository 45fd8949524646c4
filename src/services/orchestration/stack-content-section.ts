/** What a stack holds: its resources, events and outputs (a section of `conn.orchestration`). */
import {
  fetchResource,
  instantiate,
  type ListQuery,
  listResources,
  type RequestOptions,
  ResourceList,
  requireId,
} from '../../resource/index.js';
import { ServiceProxy } from '../service-proxy.js';
import { resolveStack, type StackArg, stackPathOf } from './internal.js';
import type { StackEventInstance, StackResourceInstance } from './resource-types.js';
import { StackEvent } from './stack-event.js';
import { StackResource } from './stack-resource.js';

/** One output of a stack. `outputValue` is there when read one by one (`getStackOutput`). */
export interface StackOutput {
  /** The output's name in the template's `outputs` (heat's `output_key`). */
  outputKey: string;
  /** The output's description in the template. */
  description?: string;
  /** The value heat computed (`output_value`); only from `getStackOutput`. */
  outputValue?: unknown;
  /** Why heat could not compute the value. */
  outputError?: string;
}

function toOutput(o: Record<string, unknown>): StackOutput {
  const out: StackOutput = { outputKey: String(o.output_key) };
  if (typeof o.description === 'string') out.description = o.description;
  if ('output_value' in o) out.outputValue = o.output_value;
  if (typeof o.output_error === 'string') out.outputError = o.output_error;
  return out;
}

/** Stack resources, events and outputs (a section of `conn.orchestration`, never constructed). */
export abstract class StackContentSection extends ServiceProxy {
  /**
   * The resources of a stack (`nestedDepth` for those of nested stacks, `withDetail` for their
   * attributes).
   *
   * @example
   * ```ts
   * for await (const r of conn.orchestration.listStackResources('web')) {
   *   console.log(r.resourceName, r.resourceType, r.status, r.physicalResourceId);
   * }
   * ```
   */
  listStackResources(
    stack: StackArg,
    query: ListQuery<(typeof StackResource)['query']> = {},
    opts: RequestOptions = {},
  ): ResourceList<StackResourceInstance> {
    const client = this.client;
    return new ResourceList(async function* () {
      const s = await resolveStack(client, stack, opts);
      const parent = { stackName: s.name, stackId: s.id };
      yield* listResources(client, StackResource, query, { ...opts, parent }).pages();
    });
  }

  /** One resource of a stack, by its name in the template (with its attributes). */
  async getStackResource(
    stack: StackArg,
    resourceName: string,
    opts: RequestOptions = {},
  ): Promise<StackResourceInstance> {
    requireId('stack resource', resourceName, 'resourceName', 'name');
    const s = await resolveStack(this.client, stack, opts);
    return fetchResource(this.client, StackResource, resourceName, {
      ...opts,
      parent: { stackName: s.name, stackId: s.id },
    });
  }

  /** Mark a resource unhealthy (heat replaces it on the next update), or healthy again. */
  async markStackResourceUnhealthy(
    stack: StackArg,
    resourceName: string,
    markUnhealthy: boolean,
    reason = '',
    opts: RequestOptions = {},
  ): Promise<void> {
    requireId('stack resource', resourceName, 'resourceName', 'name');
    const s = await resolveStack(this.client, stack, opts);
    const path = `${stackPathOf(s)}/resources/${encodeURIComponent(resourceName)}`;
    const json = { mark_unhealthy: markUnhealthy, resource_status_reason: reason };
    const res = await this.client.request('PATCH', path, { json }, opts);
    await res.body.dump();
  }

  /**
   * The events of a stack, newest first unless `sortDir: 'asc'` (`resourceName` & co. filter;
   * `nestedDepth` includes nested stacks'). Pass `resource` for the events of one resource only.
   */
  listStackEvents(
    stack: StackArg,
    query: ListQuery<(typeof StackEvent)['query']> & { resource?: string } = {},
    opts: RequestOptions = {},
  ): ResourceList<StackEventInstance> {
    const client = this.client;
    const { resource, ...q } = query;
    if (resource !== undefined) requireId('stack resource', resource, 'query.resource', 'name');
    return new ResourceList(async function* () {
      const s = await resolveStack(client, stack, opts);
      const parent = { stackName: s.name, stackId: s.id };
      const path = resource
        ? `${stackPathOf(s)}/resources/${encodeURIComponent(resource)}/events`
        : undefined;
      yield* listResources(client, StackEvent, q, { ...opts, parent, ...(path ? { path } : {}) }).pages();
    });
  }

  /** One event of a resource of a stack. */
  async getStackEvent(
    stack: StackArg,
    resourceName: string,
    eventId: string,
    opts: RequestOptions = {},
  ): Promise<StackEventInstance> {
    requireId('stack resource', resourceName, 'resourceName', 'name');
    requireId('event', eventId, 'eventId');
    const s = await resolveStack(this.client, stack, opts);
    const path = `${stackPathOf(s)}/resources/${encodeURIComponent(resourceName)}/events/${encodeURIComponent(eventId)}`;
    const doc = await this.client.decode('GET', path, {}, opts);
    return instantiate(
      StackEvent,
      this.client,
      doc.resource('event'),
      {},
      { stack_name: s.name, stack_id: s.id },
    );
  }

  /** The outputs of a stack: keys and descriptions (heat computes no values here). */
  async listStackOutputs(stack: StackArg, opts: RequestOptions = {}): Promise<StackOutput[]> {
    const s = await resolveStack(this.client, stack, opts);
    const doc = await this.client.decode('GET', `${stackPathOf(s)}/outputs`, {}, opts);
    return doc.rows('outputs').map(toOutput);
  }

  /**
   * One output of a stack with its value (or `outputError` when heat could not compute it).
   *
   * @example
   * ```ts
   * const ip = await conn.orchestration.getStackOutput('web', 'port_ip');
   * console.log(ip.outputValue);
   * ```
   */
  async getStackOutput(stack: StackArg, outputKey: string, opts: RequestOptions = {}): Promise<StackOutput> {
    requireId('stack output', outputKey, 'outputKey', 'key');
    const s = await resolveStack(this.client, stack, opts);
    const doc = await this.client.decode(
      'GET',
      `${stackPathOf(s)}/outputs/${encodeURIComponent(outputKey)}`,
      {},
      opts,
    );
    return toOutput(doc.resource('output'));
  }
}
