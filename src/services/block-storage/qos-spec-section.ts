/** The QoS specification methods of `conn.blockStorage`. */
import {
  type CreateAttributes,
  createResource,
  type DeleteOptions,
  deletePath,
  fetchResource,
  idSegment,
  type ListQuery,
  listResources,
  type RequestOptions,
  type ResourceList,
  requireId,
  type VerbOptions,
} from '../../resource/index.js';
import type { ServiceClient } from '../../session/service-client.js';
import { ServiceProxy } from '../service-proxy.js';
import type { IdArg } from './internal.js';
import { QosAssociation, QosSpec } from './qos-spec.js';
import type { QosAssociationResource, QosSpecResource } from './resource-types.js';

/** `/qos-specs/{id}`, then `tail`. */
function qosPath(qos: IdArg, tail = ''): string {
  return `/qos-specs/${idSegment('QoS spec', qos)}${tail}`;
}

/** Cinder changes QoS associations with GETs. */
async function qosGet(
  client: ServiceClient,
  path: string,
  query: Record<string, string>,
  opts: RequestOptions,
): Promise<void> {
  await (await client.request('GET', path, { query }, opts)).body.dump();
}

/** QoS specifications and their volume types (a section of `conn.blockStorage`, never constructed). */
export abstract class QosSpecSection extends ServiceProxy {
  /**
   * Admin: create a QoS specification; `specs` are its limits (sent beside `name`, as cinder
   * expects), e.g. `{ name: 'gold', consumer: 'front-end', specs: { total_iops_sec: '1000' } }`.
   *
   * @example
   * ```ts
   * const spec = await conn.blockStorage.createQosSpec({ name: 'capped', consumer: 'front-end', specs: { total_iops_sec: '500' } });
   * const type = await conn.blockStorage.findVolumeType('standard');
   * await conn.blockStorage.associateQosSpec(spec, type.id);
   * ```
   */
  async createQosSpec(
    attrs: CreateAttributes<(typeof QosSpec)['fields']> & { specs?: Record<string, string> },
    opts: VerbOptions = {},
  ): Promise<QosSpecResource> {
    const { specs, ...rest } = attrs;
    const input = { ...rest, $extra: { ...rest.$extra, ...specs } } as CreateAttributes<
      (typeof QosSpec)['fields']
    >;
    return createResource(this.client, QosSpec, input, opts);
  }

  /** Admin: one QoS specification. */
  async getQosSpec(qos: IdArg, opts: VerbOptions = {}): Promise<QosSpecResource> {
    return fetchResource(this.client, QosSpec, qos, opts);
  }

  /** Admin: lazily list QoS specifications. */
  listQosSpecs(
    query: ListQuery<(typeof QosSpec)['query']> = {},
    opts: VerbOptions = {},
  ): ResourceList<QosSpecResource> {
    return listResources(this.client, QosSpec, query, opts);
  }

  /**
   * Admin: add or change limits of a QoS specification; returns the keys sent.
   *
   * @example
   * ```ts
   * const qos = await conn.blockStorage.getQosSpec('9c8e1a52-5b5a-4c1b-8d2e-2f7c8a1e4b10');
   * console.log(qos.specs); // { total_iops_sec: '500' }
   * await conn.blockStorage.setQosSpecKeys(qos, { total_iops_sec: '1000' });
   * await conn.blockStorage.associateQosSpec(qos, await conn.blockStorage.findVolumeType('standard'));
   * for await (const a of conn.blockStorage.listQosAssociations(qos)) console.log(a.name, a.associationType);
   * ```
   */
  async setQosSpecKeys(
    qos: IdArg,
    specs: Record<string, string>,
    opts: RequestOptions = {},
  ): Promise<Record<string, string>> {
    const doc = await this.client.decode('PUT', qosPath(qos), { json: { qos_specs: specs } }, opts);
    return doc.keyOr('qos_specs', 'object', specs) as Record<string, string>;
  }

  /** Admin: remove limits from a QoS specification. */
  async unsetQosSpecKeys(qos: IdArg, keys: string[], opts: RequestOptions = {}): Promise<void> {
    const res = await this.client.request('PUT', qosPath(qos, '/delete_keys'), { json: { keys } }, opts);
    await res.body.dump();
  }

  /** Admin: delete a QoS specification; `force` also when volume types use it. */
  async deleteQosSpec(qos: IdArg, opts: DeleteOptions & { force?: boolean } = {}): Promise<void> {
    await deletePath(this.client, qosPath(qos), opts, { force: opts.force || undefined });
  }

  /** Admin: the volume types a QoS specification is associated with. */
  listQosAssociations(qos: IdArg, opts: VerbOptions = {}): ResourceList<QosAssociationResource> {
    const parent = { qosId: requireId('QoS spec', qos) };
    return listResources(this.client, QosAssociation, {}, { ...opts, parent });
  }

  /** Admin: apply a QoS specification to a volume type. */
  async associateQosSpec(qos: IdArg, type: IdArg, opts: RequestOptions = {}): Promise<void> {
    const query = { vol_type_id: requireId('volume type', type) };
    await qosGet(this.client, qosPath(qos, '/associate'), query, opts);
  }

  /** Admin: remove a QoS specification from a volume type (or, without a type, from all). */
  async disassociateQosSpec(qos: IdArg, type?: IdArg, opts: RequestOptions = {}): Promise<void> {
    if (type === undefined) await qosGet(this.client, qosPath(qos, '/disassociate_all'), {}, opts);
    else {
      const query = { vol_type_id: requireId('volume type', type) };
      await qosGet(this.client, qosPath(qos, '/disassociate'), query, opts);
    }
  }
}
