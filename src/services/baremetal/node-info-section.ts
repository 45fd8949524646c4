/**
 * Validation and traits of `conn.baremetal` nodes: `/nodes/{node}/validate` and
 * `/nodes/{node}/traits` (1.37+).
 */
import { ValidationError } from '../../errors/errors.js';
import { idSegment } from '../../resource/ids.js';
import { deletePath } from '../../resource/operations.js';
import type { RequestOptions } from '../../session/request-options.js';
import { requireMicroversion } from '../service-documents.js';
import { ServiceProxy } from '../service-proxy.js';
import type { IdArg } from './internal.js';

/** The verdict of one interface in a node validation. */
export interface InterfaceValidation {
  /** `true` when valid, `false` when not, `null` when the interface is not in use. */
  result: boolean | null;
  /** Why it is invalid or unsupported. */
  reason?: string | null;
}

function nodePath(node: IdArg, rest: string): string {
  return `/nodes/${idSegment('baremetal node', node)}/${rest}`;
}

function requireTrait(trait: unknown): string {
  if (typeof trait !== 'string' || trait === '' || trait.length > 255) {
    throw new ValidationError(
      `a trait must be a non-empty string of at most 255 characters (got ${String(trait)})`,
      {
        field: 'trait',
        fix: 'pass a standard trait (HW_CPU_X86_VMX) or a custom one (CUSTOM_RAID5)',
      },
    );
  }
  return trait;
}

/** Validation and traits (a section of `conn.baremetal`, never constructed). */
export abstract class NodeInfoSection extends ServiceProxy {
  /**
   * Ask the conductor whether each interface of a node has what it needs, keyed by interface
   * (`power`, `deploy`, `boot`, ...).
   *
   * @example
   * ```ts
   * const v = await conn.baremetal.validateNode('rack1-n01');
   * for (const [iface, r] of Object.entries(v)) if (r.result === false) console.log(iface, r.reason);
   * ```
   */
  async validateNode(node: IdArg, opts: RequestOptions = {}): Promise<Record<string, InterfaceValidation>> {
    const doc = await this.client.decode('GET', nodePath(node, 'validate'), {}, opts);
    const value = doc.value;
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw doc.fail('wrong-type', 'the validation answer is not an object');
    return value as Record<string, InterfaceValidation>;
  }

  /**
   * A node's traits (1.37+).
   *
   * @example
   * ```ts
   * await conn.baremetal.addNodeTrait('rack1-n01', 'CUSTOM_GPU');
   * console.log(await conn.baremetal.listNodeTraits('rack1-n01'));
   * await conn.baremetal.removeNodeTrait('rack1-n01', 'CUSTOM_GPU');
   * ```
   */
  async listNodeTraits(node: IdArg, opts: RequestOptions = {}): Promise<string[]> {
    await requireMicroversion(this.client, '1.37', 'listNodeTraits', opts);
    const doc = await this.client.decode('GET', nodePath(node, 'traits'), {}, opts);
    const traits = doc.key('traits', 'array') as unknown[];
    if (!traits.every((t) => typeof t === 'string'))
      throw doc.fail('wrong-type', '"traits" has a member that is not a string');
    return traits as string[];
  }

  /** Replace all traits of a node (1.37+). */
  async setNodeTraits(node: IdArg, traits: readonly string[], opts: RequestOptions = {}): Promise<void> {
    if (!Array.isArray(traits)) {
      throw new ValidationError('traits must be an array of strings', {
        field: 'traits',
        fix: 'pass [] to clear them',
      });
    }
    traits.forEach(requireTrait);
    await requireMicroversion(this.client, '1.37', 'setNodeTraits', opts);
    const res = await this.client.request('PUT', nodePath(node, 'traits'), { json: { traits } }, opts);
    await res.body.dump();
  }

  /** Add one trait to a node (1.37+); adding one it has changes nothing. */
  async addNodeTrait(node: IdArg, trait: string, opts: RequestOptions = {}): Promise<void> {
    const path = nodePath(node, `traits/${encodeURIComponent(requireTrait(trait))}`);
    await requireMicroversion(this.client, '1.37', 'addNodeTrait', opts);
    await (await this.client.request('PUT', path, {}, opts)).body.dump();
  }

  /** Remove one trait from a node (1.37+; a trait it lacks is a `NotFoundError`). */
  async removeNodeTrait(node: IdArg, trait: string, opts: RequestOptions = {}): Promise<void> {
    const path = nodePath(node, `traits/${encodeURIComponent(requireTrait(trait))}`);
    await requireMicroversion(this.client, '1.37', 'removeNodeTrait', opts);
    await deletePath(this.client, path, opts);
  }
}
