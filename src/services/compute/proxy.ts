/**
 * The compute v2.1 (nova) proxy, `conn.compute`. Servers and their actions come from
 * {@link ComputeServers}; this adds flavors, key pairs, server groups, availability zones,
 * limits, quotas, hypervisors, compute services, volume attachments, interfaces,
 * migrations and instance actions.
 */
import { ValidationError } from '../../errors/errors.js';
import {
  type CreateAttributes,
  createResource,
  instantiate,
  listResources,
  namedVerbs,
  type RequestOptions,
  type Resource,
  type ResourceBase,
  type ResourceDefinition,
  type ResourceList,
  requireId,
  resourceAction,
  toRequest,
  type UpdateAttributes,
  type VerbOptions,
  type VerbsOf,
} from '../../resource/index.js';
import type { Session } from '../../session/session.js';
import type { ProxyOptions } from '../service-proxy.js';
import { AvailabilityZone } from './availability-zone.js';
import { ComputeService, ComputeServiceUpdate } from './compute-service.js';
import { Flavor } from './flavor.js';
import { AddTenantAccessAction, FlavorAccess, RemoveTenantAccessAction } from './flavor-access.js';
import { Hypervisor } from './hypervisor.js';
import { InstanceAction } from './instance-action.js';
import type { Keypair } from './keypair.js';
import {
  createKeypair,
  deleteKeypair,
  findKeypair,
  getKeypair,
  type KeypairListQuery,
  type KeypairOptions,
  type KeypairResource,
  listKeypairs,
} from './keypair-ops.js';
import { Limits } from './limits.js';
import { Migration } from './migration.js';
import { ComputeServers } from './proxy-servers.js';
import { QuotaSet, QuotaSetDetail } from './quota-set.js';
import { type ServerRef, serverIdOf } from './server-actions.js';
import { ServerGroup } from './server-group.js';
import { ServerInterface } from './server-interface.js';
import { ServerMigration } from './server-migration.js';
import { VolumeAttachment } from './volume-attachment.js';

type IdRef = string | ResourceBase<any>;
type FieldsOf<D> = D extends { fields: infer F } ? F : never;
type R<D> = D extends ResourceDefinition<infer F, any> ? Resource<F> : never;

function idOf(x: IdRef, field: string): string {
  // `flavor.id` names a flavor's id; `keypair.name` a key pair's name
  const [what, idName = 'id'] = field.split('.');
  return requireId(what!, x, field, idName);
}

function enc(x: IdRef, field: string): string {
  return encodeURIComponent(idOf(x, field));
}

export interface ComputeV2
  extends VerbsOf<
      'Flavor',
      'Flavors',
      typeof Flavor,
      'list' | 'get' | 'find' | 'create' | 'update' | 'delete'
    >,
    VerbsOf<'ServerGroup', 'ServerGroups', typeof ServerGroup, 'list' | 'get' | 'find' | 'delete'>,
    VerbsOf<'Hypervisor', 'Hypervisors', typeof Hypervisor, 'list' | 'get' | 'find'>,
    VerbsOf<'ComputeService', 'ComputeServices', typeof ComputeService, 'list' | 'delete'>,
    VerbsOf<
      'VolumeAttachment',
      'VolumeAttachments',
      typeof VolumeAttachment,
      'list' | 'get' | 'create' | 'delete' | 'wait'
    >,
    VerbsOf<
      'ServerInterface',
      'ServerInterfaces',
      typeof ServerInterface,
      'list' | 'get' | 'create' | 'delete' | 'wait'
    >,
    VerbsOf<'ServerMigration', 'ServerMigrations', typeof ServerMigration, 'list' | 'get' | 'delete'>,
    VerbsOf<'Migration', 'Migrations', typeof Migration, 'list'>,
    VerbsOf<'InstanceAction', 'InstanceActions', typeof InstanceAction, 'list' | 'get'> {}

export class ComputeV2 extends ComputeServers {
  constructor(session: Session, opts: ProxyOptions = {}) {
    super(session, opts);
    const c = this.client;
    Object.assign(
      this,
      namedVerbs(c, Flavor, 'Flavor', 'Flavors', ['list', 'get', 'find', 'create', 'update', 'delete']),
      namedVerbs(c, ServerGroup, 'ServerGroup', 'ServerGroups', ['list', 'get', 'find', 'delete']),
      namedVerbs(c, Hypervisor, 'Hypervisor', 'Hypervisors', ['list', 'get', 'find']),
      namedVerbs(c, ComputeService, 'ComputeService', 'ComputeServices', ['list', 'delete']),
      namedVerbs(c, VolumeAttachment, 'VolumeAttachment', 'VolumeAttachments', [
        'list',
        'get',
        'create',
        'delete',
        'wait',
      ]),
      namedVerbs(c, ServerInterface, 'ServerInterface', 'ServerInterfaces', [
        'list',
        'get',
        'create',
        'delete',
        'wait',
      ]),
      namedVerbs(c, ServerMigration, 'ServerMigration', 'ServerMigrations', ['list', 'get', 'delete']),
      namedVerbs(c, Migration, 'Migration', 'Migrations', ['list']),
      namedVerbs(c, InstanceAction, 'InstanceAction', 'InstanceActions', ['list', 'get']),
    );
  }

  // --- flavor extra specs

  /**
   * All extra specs of a flavor.
   *
   * @example
   * ```ts
   * // admin: a flavor whose servers get dedicated CPUs and 1 GiB huge pages
   * const flavor = await conn.compute.findFlavor('m1.pinned');
   * await conn.compute.setFlavorExtraSpecs(flavor, { 'hw:cpu_policy': 'dedicated', 'hw:mem_page_size': '1GB' });
   * console.log(await conn.compute.getFlavorExtraSpec(flavor, 'hw:cpu_policy')); // 'dedicated'
   * await conn.compute.deleteFlavorExtraSpec(flavor, 'hw:mem_page_size');
   * ```
   */
  async getFlavorExtraSpecs(flavor: IdRef, opts: RequestOptions = {}): Promise<Record<string, string>> {
    const doc = await this.client.decode('GET', `/flavors/${enc(flavor, 'flavor.id')}/os-extra_specs`, opts);
    return doc.key('extra_specs', 'object') as Record<string, string>;
  }

  /** Add or change extra specs (others are kept); resolves with the specs sent, as nova echoes them. */
  async setFlavorExtraSpecs(
    flavor: IdRef,
    specs: Record<string, string>,
    opts: RequestOptions = {},
  ): Promise<Record<string, string>> {
    for (const [k, v] of Object.entries(specs)) {
      if (typeof v !== 'string') {
        throw new ValidationError(`must be a string, got ${typeof v}`, {
          field: `flavor extra spec ${k}`,
          fix: `pass "${String(v)}"`,
        });
      }
    }
    const doc = await this.client.decode('POST', `/flavors/${enc(flavor, 'flavor.id')}/os-extra_specs`, {
      ...opts,
      json: { extra_specs: specs },
    });
    return doc.keyOr('extra_specs', 'object', specs) as Record<string, string>;
  }

  /** One extra spec (`NotFoundError` when absent). */
  async getFlavorExtraSpec(flavor: IdRef, key: string, opts: RequestOptions = {}): Promise<string> {
    const doc = await this.client.decode('GET', this.specPath(flavor, key), opts);
    return doc.key(key, 'string') as string;
  }

  /** Set one extra spec. */
  async updateFlavorExtraSpec(
    flavor: IdRef,
    key: string,
    value: string,
    opts: RequestOptions = {},
  ): Promise<string> {
    const doc = await this.client.decode('PUT', this.specPath(flavor, key), {
      ...opts,
      json: { [key]: value },
    });
    return doc.keyOr(key, 'string', value) as string;
  }

  /** Delete one extra spec. */
  async deleteFlavorExtraSpec(flavor: IdRef, key: string, opts: RequestOptions = {}): Promise<void> {
    await (await this.client.request('DELETE', this.specPath(flavor, key), opts)).body.dump();
  }

  private specPath(flavor: IdRef, key: string): string {
    return `/flavors/${enc(flavor, 'flavor.id')}/os-extra_specs/${encodeURIComponent(key)}`;
  }

  // --- flavor access (private flavors)

  /**
   * Projects allowed to use a private flavor (nova answers NotFoundError for public flavors).
   *
   * @example
   * ```ts
   * // admin: let one project use a private flavor
   * const flavor = await conn.compute.findFlavor('gpu.large');
   * const project = await conn.identity.findProject('ml-team');
   * await conn.compute.addFlavorAccess(flavor, project.id);
   * for await (const a of conn.compute.listFlavorAccess(flavor)) console.log(a.projectId);
   * ```
   */
  listFlavorAccess(flavor: IdRef, opts: VerbOptions = {}): ResourceList<R<typeof FlavorAccess>> {
    return listResources(
      this.client,
      FlavorAccess,
      {},
      { ...opts, parent: { flavorId: idOf(flavor, 'flavor.id') } },
    );
  }

  /** Allow a project to use a private flavor; resolves with the flavor's access list. */
  async addFlavorAccess(
    flavor: IdRef,
    projectId: string,
    opts: RequestOptions = {},
  ): Promise<R<typeof FlavorAccess>[]> {
    return this.flavorAction(flavor, AddTenantAccessAction, projectId, opts);
  }

  /** Revoke a project's access to a private flavor; resolves with the flavor's access list. */
  async removeFlavorAccess(
    flavor: IdRef,
    projectId: string,
    opts: RequestOptions = {},
  ): Promise<R<typeof FlavorAccess>[]> {
    return this.flavorAction(flavor, RemoveTenantAccessAction, projectId, opts);
  }

  private async flavorAction(
    flavor: IdRef,
    def: typeof AddTenantAccessAction,
    projectId: string,
    opts: RequestOptions,
  ): Promise<R<typeof FlavorAccess>[]> {
    const flavorId = idOf(flavor, 'flavor.id');
    const body = toRequest(def, { projectId }, 'create').body;
    const r = await resourceAction<{ flavor_access?: Record<string, unknown>[] }>(
      this.client,
      '/flavors',
      flavorId,
      def.resourceKey as string,
      body,
      opts,
    );
    return (r.body?.flavor_access ?? []).map((b) =>
      instantiate(FlavorAccess, this.client, b, {}, { flavor_id: flavorId }),
    );
  }

  // --- key pairs

  /** Key pairs of the caller (or of `userId`, admin, 2.10+); `limit`/`marker` need 2.35. */
  listKeypairs(query: KeypairListQuery = {}, opts: RequestOptions = {}): ResourceList<KeypairResource> {
    return listKeypairs(this.client, query, opts);
  }

  /** A key pair by name (`userId`: admin, another user's). */
  async getKeypair(name: string | KeypairResource, opts: KeypairOptions = {}): Promise<KeypairResource> {
    return getKeypair(this.client, idOf(name, 'keypair.name'), opts);
  }

  /** A key pair by name; `ResourceNotFoundError`, or undefined with `ignoreMissing`. */
  findKeypair(
    name: string,
    opts: KeypairOptions & { ignoreMissing: true },
  ): Promise<KeypairResource | undefined>;
  findKeypair(name: string, opts?: KeypairOptions & { ignoreMissing?: boolean }): Promise<KeypairResource>;
  async findKeypair(
    name: string,
    opts: KeypairOptions & { ignoreMissing?: boolean } = {},
  ): Promise<KeypairResource | undefined> {
    return findKeypair(this.client, name, opts);
  }

  /**
   * Create a key pair. With `publicKey` it imports it; without, nova generates the pair and
   * returns `privateKey` in this answer only (up to 2.91; from 2.92 a `ValidationError` is
   * raised before sending).
   *
   * @example
   * ```ts
   * import { writeFileSync } from 'node:fs';
   *
   * // up to 2.91 nova can generate the pair: the private key is in this answer only
   * const kp = await conn.compute.createKeypair({ name: 'ci-runner' }, { microversion: '2.2' });
   * writeFileSync('ci-runner.pem', kp.privateKey as string, { mode: 0o600 });
   * ```
   */
  async createKeypair(
    attrs: CreateAttributes<FieldsOf<typeof Keypair>>,
    opts: RequestOptions = {},
  ): Promise<KeypairResource> {
    return createKeypair(this.client, attrs, opts);
  }

  /** Delete a key pair by name (`userId`: admin, another user's). */
  async deleteKeypair(
    name: string | KeypairResource,
    opts: KeypairOptions & { ignoreMissing?: boolean } = {},
  ): Promise<void> {
    return deleteKeypair(this.client, idOf(name, 'keypair.name'), opts);
  }

  // --- server groups

  /**
   * Create a server group. From 2.64 pass `policy` (and optionally `rules`), before that
   * `policies: [policy]`; the other form is rejected before sending.
   */
  async createServerGroup(
    attrs: CreateAttributes<FieldsOf<typeof ServerGroup>>,
    opts: VerbOptions = {},
  ): Promise<R<typeof ServerGroup>> {
    await this.client.resolve(opts.signal);
    const modern = this.client.supports('2.64');
    const a = attrs as unknown as Record<string, unknown>;
    if (modern && a.policy === undefined && a.policies === undefined) {
      throw new ValidationError('is required from compute microversion 2.64', {
        field: 'server group.policy',
        fix: "pass policy: 'anti-affinity' (or affinity, soft-affinity, soft-anti-affinity)",
      });
    }
    if (!modern && a.policies === undefined && a.policy === undefined) {
      throw new ValidationError('is required before compute microversion 2.64', {
        field: 'server group.policies',
        fix: "pass policies: ['anti-affinity']",
      });
    }
    return createResource(this.client, ServerGroup, attrs, opts);
  }

  // --- availability zones

  /**
   * Availability zones; `detailed` (admin) adds each zone's hosts and services.
   *
   * @example
   * ```ts
   * for await (const az of conn.compute.listAvailabilityZones()) console.log(az.name, az.state?.available);
   * // admin: which hosts are in each zone
   * for await (const az of conn.compute.listAvailabilityZones({ detailed: true })) console.log(az.name, Object.keys(az.hosts ?? {}));
   * ```
   */
  listAvailabilityZones(
    opts: VerbOptions & { detailed?: boolean } = {},
  ): ResourceList<R<typeof AvailabilityZone>> {
    const { detailed, ...o } = opts;
    return listResources(
      this.client,
      AvailabilityZone,
      {},
      { ...o, path: detailed ? '/os-availability-zone/detail' : undefined },
    );
  }

  // --- limits and quotas

  /**
   * Absolute limits and usage of the caller's project (admin: of `projectId`).
   *
   * @example
   * ```ts
   * const limits = await conn.compute.getLimits();
   * const abs = limits.absolute;
   * console.log(`cores ${abs?.totalCoresUsed}/${abs?.maxTotalCores}, servers ${abs?.totalInstancesUsed}/${abs?.maxTotalInstances}`);
   * ```
   */
  async getLimits(
    opts: RequestOptions & { projectId?: string; reserved?: boolean } = {},
  ): Promise<R<typeof Limits>> {
    const { projectId, reserved, ...o } = opts;
    const doc = await this.client.decode('GET', '/limits', {
      ...o,
      query: { tenant_id: projectId, reserved: reserved === undefined ? undefined : reserved ? 1 : 0 },
    });
    return instantiate(Limits, this.client, doc.key('limits', 'object'));
  }

  /** The quotas of a project, or of `userId` in it. */
  async getQuotaSet(
    project: string,
    opts: RequestOptions & { userId?: string } = {},
  ): Promise<R<typeof QuotaSet>> {
    const { userId, ...o } = opts;
    return this.quotaGet(QuotaSet, `/os-quota-sets/${encodeURIComponent(project)}`, { user_id: userId }, o);
  }

  /**
   * The quotas of a project (or user) with usage: `{ limit, in_use, reserved }` per resource.
   *
   * @example
   * ```ts
   * const project = (await conn.identity.findProject('demo')).id;
   * const detail = await conn.compute.getQuotaSetDetail(project);
   * console.log(`instances: ${detail.instances?.in_use}/${detail.instances?.limit}`);
   * const defaults = await conn.compute.getQuotaSetDefaults(project);
   * console.log('default cores', defaults.cores);
   * ```
   */
  async getQuotaSetDetail(
    project: string,
    opts: RequestOptions & { userId?: string } = {},
  ): Promise<R<typeof QuotaSetDetail>> {
    const { userId, ...o } = opts;
    return this.quotaGet(
      QuotaSetDetail,
      `/os-quota-sets/${encodeURIComponent(project)}/detail`,
      { user_id: userId },
      o,
    );
  }

  /** The default quotas a project starts with. */
  async getQuotaSetDefaults(project: string, opts: RequestOptions = {}): Promise<R<typeof QuotaSet>> {
    return this.quotaGet(QuotaSet, `/os-quota-sets/${encodeURIComponent(project)}/defaults`, {}, opts);
  }

  /**
   * Admin: change quotas of a project (or of `userId` in it). Only the given limits change;
   * `force: true` allows limits below the current usage. Resolves with the whole quota set.
   *
   * @example
   * ```ts
   * // admin: raise a project's quotas
   * const q = await conn.compute.updateQuotaSet('PROJECT_ID', { cores: 64, ram: 131_072, instances: 20 });
   * console.log(q.cores, q.ram, q.instances);
   * ```
   */
  async updateQuotaSet(
    project: string,
    attrs: UpdateAttributes<FieldsOf<typeof QuotaSet>>,
    opts: RequestOptions & { userId?: string } = {},
  ): Promise<R<typeof QuotaSet>> {
    const { userId, ...o } = opts;
    await this.client.resolve(o.signal);
    const body = toRequest(QuotaSet, attrs as Record<string, unknown>, 'update', this.client).body;
    const doc = await this.client.decode('PUT', `/os-quota-sets/${encodeURIComponent(project)}`, {
      ...o,
      query: { user_id: userId },
      json: { quota_set: body },
    });
    return instantiate(QuotaSet, this.client, { id: project, ...doc.keyOr('quota_set', 'object', {}) });
  }

  /** Admin: drop a project's (or user's) own quotas so the defaults apply again. */
  async revertQuotaSet(project: string, opts: RequestOptions & { userId?: string } = {}): Promise<void> {
    const { userId, ...o } = opts;
    const res = await this.client.request('DELETE', `/os-quota-sets/${encodeURIComponent(project)}`, {
      ...o,
      query: { user_id: userId },
    });
    await res.body.dump();
  }

  private async quotaGet<D extends typeof QuotaSet | typeof QuotaSetDetail>(
    def: D,
    path: string,
    query: Record<string, string | undefined>,
    opts: RequestOptions,
  ): Promise<R<D>> {
    const doc = await this.client.decode('GET', path, { ...opts, query });
    return instantiate(
      def as typeof QuotaSet,
      this.client,
      doc.key('quota_set', 'object'),
    ) as unknown as R<D>;
  }

  // --- compute services

  /**
   * Admin: change a nova-compute service by id (2.53+): `status`, `disabledReason` (with
   * `status: 'disabled'`), `forcedDown`. Resolves with the service.
   */
  async updateComputeService(
    service: IdRef,
    attrs: CreateAttributes<FieldsOf<typeof ComputeServiceUpdate>>,
    opts: RequestOptions = {},
  ): Promise<R<typeof ComputeService>> {
    await this.client.resolve(opts.signal);
    const body = toRequest(
      ComputeServiceUpdate,
      attrs as Record<string, unknown>,
      'create',
      this.client,
    ).body;
    const doc = await this.client.decode('PUT', `/os-services/${enc(service, 'compute service.id')}`, {
      ...opts,
      json: body,
    });
    return instantiate(ComputeService, this.client, doc.keyOr('service', 'object', {}));
  }

  /** Admin: enable a nova-compute service for scheduling (2.53+). */
  async enableComputeService(service: IdRef, opts: RequestOptions = {}): Promise<R<typeof ComputeService>> {
    return this.updateComputeService(service, { status: 'enabled' }, opts);
  }

  /** Admin: stop scheduling to a nova-compute service (2.53+), optionally saying why. */
  async disableComputeService(
    service: IdRef,
    opts: RequestOptions & { reason?: string } = {},
  ): Promise<R<typeof ComputeService>> {
    const { reason, ...o } = opts;
    return this.updateComputeService(service, { status: 'disabled', disabledReason: reason }, o);
  }

  /**
   * Admin: mark a nova-compute service as down (fencing before evacuation), or clear it (2.53+).
   *
   * @example
   * ```ts
   * // admin: fence a dead host so its servers can be evacuated (2.53+)
   * const [svc] = await conn.compute.listComputeServices({ binary: 'nova-compute', host: 'compute-3' }).toArray();
   * if (svc) await conn.compute.forceDownComputeService(svc);
   * // ...and once the host is back
   * if (svc) await conn.compute.forceDownComputeService(svc, false);
   * ```
   */
  async forceDownComputeService(
    service: IdRef,
    forcedDown = true,
    opts: RequestOptions = {},
  ): Promise<R<typeof ComputeService>> {
    return this.updateComputeService(service, { forcedDown }, opts);
  }

  // --- interfaces

  /**
   * Attach a port (`portId`) or a new port on a network (`netId`, `fixedIps`) to a server.
   *
   * @example
   * ```ts
   * const server = await conn.compute.findServer('web1');
   * const net = await conn.network.findNetwork('backend');
   * const iface = await conn.compute.attachServerInterface(server, { netId: net.id });
   * console.log(iface.portId, iface.fixedIps);
   * await conn.compute.detachServerInterface(server, iface.portId as string);
   * ```
   */
  async attachServerInterface(
    server: ServerRef,
    attrs: Omit<CreateAttributes<FieldsOf<typeof ServerInterface>>, 'serverId'>,
    opts: VerbOptions = {},
  ): Promise<R<typeof ServerInterface>> {
    return this.createServerInterface({ ...attrs, serverId: serverIdOf(server) }, opts);
  }

  /** Detach a port from a server (nova deletes ports it created). */
  async detachServerInterface(
    server: ServerRef,
    portId: string,
    opts: VerbOptions & { ignoreMissing?: boolean } = {},
  ): Promise<void> {
    return this.deleteServerInterface(portId, { ...opts, parent: { serverId: serverIdOf(server) } });
  }

  // --- migrations

  /** Admin: force an in-progress live migration to complete (pauses the guest; 2.22+). */
  async forceCompleteServerMigration(
    server: ServerRef,
    migrationId: string | number,
    opts: RequestOptions = {},
  ): Promise<void> {
    await resourceAction(
      this.client,
      `/servers/${encodeURIComponent(serverIdOf(server))}/migrations`,
      String(migrationId),
      'force_complete',
      null,
      opts,
    );
  }
}
