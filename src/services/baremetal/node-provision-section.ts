/**
 * The provision state machine of `conn.baremetal`: manage, provide, inspect, deploy, undeploy,
 * rescue and unrescue, each a `PUT /nodes/{node}/states/provision`, with an optional wait for
 * the stable state the action leads to.
 */
import { ValidationError } from '../../errors/errors.js';
import { idSegment } from '../../resource/ids.js';
import { fetchResource, type VerbOptions } from '../../resource/operations.js';
import type { WaitOptions } from '../../resource/waiters.js';
import { ServiceProxy } from '../service-proxy.js';
import type { IdArg } from './internal.js';
import { Node } from './node.js';
import type { NodeResource } from './resource-types.js';
import { type NodeWaitOptions, waitForNodeState } from './waits.js';

/** A provision action (the `target` ironic takes) and the stable state it leads to. */
export const PROVISION_TARGETS = {
  manage: 'manageable',
  provide: 'available',
  inspect: 'manageable',
  active: 'active',
  deleted: 'available',
  rebuild: 'active',
  rescue: 'rescue',
  unrescue: 'active',
  adopt: 'active',
  clean: 'manageable',
  abort: undefined,
} as const;
/** A provision action. */
export type ProvisionTarget = keyof typeof PROVISION_TARGETS;

/** Options of a provision action: request options, and whether (and how long) to wait. */
export interface ProvisionOptions extends VerbOptions {
  /** Wait for the stable state the action leads to: `true`, or the wait's own options. */
  wait?: boolean | WaitOptions;
}

/** The extra body of a provision action (ironic's names are kept: they are sent as they are). */
export interface ProvisionBody {
  /** A config drive for `active` / `rebuild`: a URL, gzipped base64 ISO, or its contents (1.56+). */
  configdrive?: string | Record<string, unknown>;
  /** Steps for `clean` (1.15+). */
  clean_steps?: Record<string, unknown>[];
  /** Steps for `active` / `rebuild` (1.69+). */
  deploy_steps?: Record<string, unknown>[];
  /** The rescue user's password for `rescue` (1.38+); never logged. */
  rescue_password?: string;
}

/** Provision actions (a section of `conn.baremetal`, never constructed). */
export abstract class NodeProvisionSection extends ServiceProxy {
  /**
   * Send a provision action; with `wait`, resolve when the node is stable in the state the
   * action leads to (a `ResourceFailureError` naming the node, the state and ironic's
   * `last_error` when it fails). Resolves with the node as ironic last showed it.
   *
   * @example
   * ```ts
   * const node = await conn.baremetal.findNode('rack1-n01');
   * await conn.baremetal.setNodeProvisionState(node, 'manage', {}, { wait: { timeoutMs: 120_000 } });
   * ```
   */
  async setNodeProvisionState(
    node: IdArg,
    target: ProvisionTarget,
    body: ProvisionBody = {},
    opts: ProvisionOptions = {},
  ): Promise<NodeResource> {
    if (!Object.hasOwn(PROVISION_TARGETS, target)) {
      throw new ValidationError(`unknown provision target "${String(target)}"`, {
        field: 'target',
        fix: `use one of: ${Object.keys(PROVISION_TARGETS).join(', ')}`,
      });
    }
    const { wait, ...request } = opts;
    const path = `/nodes/${idSegment('baremetal node', node)}/states/provision`;
    const res = await this.client.request('PUT', path, { json: { ...body, target } }, request);
    await res.body.dump();
    const stable = PROVISION_TARGETS[target];
    if (!wait || !stable) return fetchResource(this.client, Node, node, request);
    // a request timeout is per poll, not the wait's: the wait has its own (default 10 min)
    const w: NodeWaitOptions = { ...request, timeoutMs: undefined, ...(wait === true ? {} : wait) };
    return waitForNodeState(this.client, node, 'provision', stable, w);
  }

  /** `enroll` → `manageable` (ironic verifies the driver can reach the node). */
  manageNode(node: IdArg, opts: ProvisionOptions = {}): Promise<NodeResource> {
    return this.setNodeProvisionState(node, 'manage', {}, opts);
  }

  /** `manageable` → `available` (through cleaning when automated cleaning is on). */
  provideNode(node: IdArg, opts: ProvisionOptions = {}): Promise<NodeResource> {
    return this.setNodeProvisionState(node, 'provide', {}, opts);
  }

  /** `manageable` → inspecting → `manageable`, filling in the node's properties (1.6+). */
  inspectNode(node: IdArg, opts: ProvisionOptions = {}): Promise<NodeResource> {
    return this.setNodeProvisionState(node, 'inspect', {}, opts);
  }

  /**
   * `available` → deploying → `active`.
   *
   * @example
   * ```ts
   * const node = await conn.baremetal.findNode('rack1-n01');
   * await conn.baremetal.updateNode(node, { instanceInfo: { image_source: 'http://images/x.qcow2' } });
   * const active = await conn.baremetal.deployNode(node, {}, { wait: true });
   * console.log(active.provisionState);
   * await conn.baremetal.undeployNode(active, { wait: true });
   * ```
   */
  deployNode(
    node: IdArg,
    body: Pick<ProvisionBody, 'configdrive' | 'deploy_steps'> = {},
    opts: ProvisionOptions = {},
  ): Promise<NodeResource> {
    return this.setNodeProvisionState(node, 'active', body, opts);
  }

  /** `active` → deleting → cleaning → `available` (ironic's target `deleted`). */
  undeployNode(node: IdArg, opts: ProvisionOptions = {}): Promise<NodeResource> {
    return this.setNodeProvisionState(node, 'deleted', {}, opts);
  }

  /** `active` → rescuing → `rescue`: boots the rescue ramdisk with this password (1.38+). */
  async rescueNode(node: IdArg, rescuePassword: string, opts: ProvisionOptions = {}): Promise<NodeResource> {
    if (typeof rescuePassword !== 'string' || rescuePassword === '') {
      throw new ValidationError('a rescue password is required', {
        field: 'rescuePassword',
        fix: 'pass the password the rescue user gets (a non-empty string)',
      });
    }
    return this.setNodeProvisionState(node, 'rescue', { rescue_password: rescuePassword }, opts);
  }

  /** `rescue` → unrescuing → `active` (1.38+). */
  unrescueNode(node: IdArg, opts: ProvisionOptions = {}): Promise<NodeResource> {
    return this.setNodeProvisionState(node, 'unrescue', {}, opts);
  }

  /**
   * Wait until a node's provision state is one of `state`; fails fast when the node reaches a
   * `* failed` state or gives up (stable elsewhere with `last_error`), naming the node, the
   * target and ironic's `last_error`.
   *
   * @example
   * ```ts
   * const node = await conn.baremetal.waitForNodeProvisionState('rack1-n01', 'available', { timeoutMs: 300_000 });
   * console.log(node.provisionState);
   * ```
   */
  waitForNodeProvisionState(
    node: IdArg,
    state: string | readonly string[],
    opts: NodeWaitOptions = {},
  ): Promise<NodeResource> {
    return waitForNodeState(this.client, node, 'provision', state, opts);
  }
}
