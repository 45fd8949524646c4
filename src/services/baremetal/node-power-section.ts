/**
 * Power and maintenance of `conn.baremetal` nodes: `PUT /nodes/{node}/states/power` with a
 * wait on `power_state`, and `/nodes/{node}/maintenance`.
 */
import { ValidationError } from '../../errors/errors.js';
import { idSegment } from '../../resource/ids.js';
import { deletePath, fetchResource } from '../../resource/operations.js';
import type { RequestOptions } from '../../session/request-options.js';
import { ServiceProxy } from '../service-proxy.js';
import type { IdArg } from './internal.js';
import { Node } from './node.js';
import type { ProvisionOptions } from './node-provision-section.js';
import type { NodeResource } from './resource-types.js';
import { type NodeWaitOptions, waitForNodeState } from './waits.js';

/** A power target ironic takes, and the power state it ends in. */
export const POWER_TARGETS = {
  'power on': 'power on',
  'power off': 'power off',
  rebooting: 'power on',
  'soft power off': 'power off',
  'soft rebooting': 'power on',
} as const;
/** A power target. */
export type PowerTarget = keyof typeof POWER_TARGETS;

/** Options of a power action. */
export interface PowerOptions extends ProvisionOptions {
  /** Seconds ironic gives the power action before it fails (1.27+). */
  powerTimeout?: number;
}

/** Power and maintenance (a section of `conn.baremetal`, never constructed). */
export abstract class NodePowerSection extends ServiceProxy {
  /**
   * Set a node's power; with `wait`, resolve when `power_state` is the one the target ends in.
   *
   * @example
   * ```ts
   * const node = await conn.baremetal.findNode('rack1-n01');
   * await conn.baremetal.setNodePowerState(node, 'power on', { wait: true });
   * ```
   */
  async setNodePowerState(node: IdArg, target: PowerTarget, opts: PowerOptions = {}): Promise<NodeResource> {
    if (!Object.hasOwn(POWER_TARGETS, target)) {
      throw new ValidationError(`unknown power target "${String(target)}"`, {
        field: 'target',
        fix: `use one of: ${Object.keys(POWER_TARGETS).join(', ')}`,
      });
    }
    const { wait, powerTimeout, ...request } = opts;
    if (powerTimeout !== undefined && !(Number.isInteger(powerTimeout) && powerTimeout > 0)) {
      throw new ValidationError(
        `powerTimeout must be a positive whole number of seconds (got ${powerTimeout})`,
        {
          field: 'powerTimeout',
          fix: 'pass seconds as a positive integer, or leave it out',
        },
      );
    }
    const body: Record<string, unknown> = { target };
    if (powerTimeout !== undefined) body.timeout = powerTimeout;
    const path = `/nodes/${idSegment('baremetal node', node)}/states/power`;
    await (await this.client.request('PUT', path, { json: body }, request)).body.dump();
    if (!wait) return fetchResource(this.client, Node, node, request);
    // a request timeout is per poll, not the wait's: the wait has its own (default 10 min)
    const w: NodeWaitOptions = { ...request, timeoutMs: undefined, ...(wait === true ? {} : wait) };
    return waitForNodeState(this.client, node, 'power', POWER_TARGETS[target], w);
  }

  /** Power a node on. */
  powerOnNode(node: IdArg, opts: PowerOptions = {}): Promise<NodeResource> {
    return this.setNodePowerState(node, 'power on', opts);
  }

  /** Power a node off (`soft`: ask the OS to shut down, 1.27+). */
  powerOffNode(node: IdArg, opts: PowerOptions & { soft?: boolean } = {}): Promise<NodeResource> {
    const { soft, ...o } = opts;
    return this.setNodePowerState(node, soft ? 'soft power off' : 'power off', o);
  }

  /** Reboot a node (`soft`: ask the OS, 1.27+); a wait ends when it is on again. */
  rebootNode(node: IdArg, opts: PowerOptions & { soft?: boolean } = {}): Promise<NodeResource> {
    const { soft, ...o } = opts;
    return this.setNodePowerState(node, soft ? 'soft rebooting' : 'rebooting', o);
  }

  /**
   * Wait until a node's `power_state` is `state`; fails when ironic gives up on the change
   * (no target left, `last_error` set), naming the node, the target and `last_error`.
   */
  waitForNodePowerState(
    node: IdArg,
    state: 'power on' | 'power off',
    opts: NodeWaitOptions = {},
  ): Promise<NodeResource> {
    return waitForNodeState(this.client, node, 'power', state, opts);
  }

  /**
   * Put a node in maintenance: ironic stops acting on it (power sync, provisioning).
   *
   * @example
   * ```ts
   * await conn.baremetal.setNodeMaintenance('rack1-n01', 'replacing a DIMM');
   * await conn.baremetal.unsetNodeMaintenance('rack1-n01');
   * ```
   */
  async setNodeMaintenance(node: IdArg, reason?: string, opts: RequestOptions = {}): Promise<void> {
    const path = `/nodes/${idSegment('baremetal node', node)}/maintenance`;
    const json = reason === undefined ? {} : { reason };
    await (await this.client.request('PUT', path, { json }, opts)).body.dump();
  }

  /** Take a node out of maintenance. */
  async unsetNodeMaintenance(node: IdArg, opts: RequestOptions = {}): Promise<void> {
    await deletePath(this.client, `/nodes/${idSegment('baremetal node', node)}/maintenance`, opts);
  }
}
