/**
 * Project cleanup: list (dry run, the default) or delete the current project's resources in
 * dependency order — servers, floating IPs, router interfaces and routers, ports, subnets,
 * networks, security groups (never `default`), snapshots and volumes, owned images, then
 * containers with their objects. Key pairs belong to users, not projects, and are left alone;
 * so are the `default` security group, external networks and protected images.
 */

import { NotFoundError } from '../errors/errors.js';
import type { CloudConnection } from './cloud-connection.js';
import { currentProjectId } from './resolve.js';
import { createdWithin } from './search.js';
import { deleteVolumeWhenFree } from './volume-cleanup.js';

/** Kinds of resources project cleanup handles, in the order they are removed. */
export const CLEANUP_ORDER = [
  'server',
  'floating-ip',
  'router-interface',
  'router',
  'port',
  'subnet',
  'network',
  'security-group',
  'snapshot',
  'volume',
  'image',
  'container',
] as const;

/** A kind of resource project cleanup deletes, in the order it deletes them. */
export type CleanupResourceType = (typeof CLEANUP_ORDER)[number];

/** Which resources to consider; with several filters a resource must match all. */
export interface CleanupFilters {
  /** Only resources created before this time (containers: last modified). */
  createdBefore?: Date | string;
  /**
   * Only resources whose name starts with this. Nameless resources follow what they belong
   * to: floating IPs attached to a selected server or network, router interfaces on a
   * selected router or subnet, ports on a selected network, subnets of a selected network,
   * snapshots of a selected volume.
   */
  namePrefix?: string;
}

/** Options of {@link projectCleanup}. */
export interface ProjectCleanupOptions {
  /** Only list what would be deleted (default true). */
  dryRun?: boolean;
  /** Which resources to consider (default: all of the project's). */
  filters?: CleanupFilters;
  /** Only these kinds (default: all). */
  resourceTypes?: readonly CleanupResourceType[];
  /** Called for every planned or performed step. */
  onAction?: (a: CleanupAction) => void;
  /** Longest wait for servers, snapshots and volumes to go, in ms (default 300 000). */
  waitTimeoutMs?: number;
  /** Poll interval of those waits, in ms. */
  intervalMs?: number;
  /** Aborts the cleanup between steps. */
  signal?: AbortSignal;
}

/** One step of a cleanup. */
export interface CleanupAction {
  /** The kind of resource. */
  type: CleanupResourceType;
  /** Its id. */
  id: string;
  /** Its name, when it has one. */
  name?: string;
  /** `planned` in a dry run; `deleted` or `failed` otherwise. */
  status: 'planned' | 'deleted' | 'failed';
  /** Why the step failed. */
  error?: string;
}

/** What {@link projectCleanup} did, or would do. */
export interface ProjectCleanupResult {
  /** Whether this was only a plan. */
  dryRun: boolean;
  /** The project cleaned up (the connection's). */
  projectId: string;
  /** Steps in the order they were (or would be) taken. */
  actions: CleanupAction[];
  /** Number of failed steps. */
  failed: number;
}

interface Step {
  type: CleanupResourceType;
  id: string;
  name?: string;
  run: () => Promise<unknown>;
}

/** True when a named resource matches the filters (pure; exported for tests). */
export function matchesCleanupFilters(
  name: string | null | undefined,
  created: string | null | undefined,
  f: CleanupFilters,
): boolean {
  if (f.namePrefix !== undefined && !(name ?? '').startsWith(f.namePrefix)) return false;
  return createdWithin(created, { createdBefore: f.createdBefore });
}

const INFRA_OWNERS =
  /^network:(dhcp|router_interface|router_interface_distributed|ha_router_replicated_interface|router_gateway|floatingip|router_centralized_snat)$/;

/**
 * List, and unless `dryRun` (the default) delete, the resources of the connection's project
 * that match `filters`. Every step is attempted even when an earlier one fails; failures
 * are in the result (`failed`, `error`), not thrown.
 */
export async function projectCleanup(
  conn: CloudConnection,
  opts: ProjectCleanupOptions = {},
): Promise<ProjectCleanupResult> {
  const dryRun = opts.dryRun ?? true;
  const f = opts.filters ?? {};
  const { signal } = opts;
  const wanted = new Set(opts.resourceTypes ?? CLEANUP_ORDER);
  const waitMs = opts.waitTimeoutMs ?? 300_000;
  const intervalMs = opts.intervalMs ?? 2000;
  const projectId = await currentProjectId(conn, signal);
  const net = conn.network;
  const match = (name: string | null | undefined, created: string | null | undefined) =>
    matchesCleanupFilters(name, created, f);
  const steps: Step[] = [];

  // --- compute
  const servers = wanted.has('server')
    ? (await conn.compute.listServers({}, opts).toArray()).filter((s) => match(s.name, s.created))
    : [];
  const serverIds = new Set(servers.map((s) => s.id));
  for (const s of servers) {
    steps.push({
      type: 'server',
      id: s.id,
      name: s.name ?? undefined,
      run: () => conn.compute.deleteServer(s.id, { ignoreMissing: true }),
    });
  }

  // --- network
  const needNetwork = ['floating-ip', 'router-interface', 'router', 'port', 'subnet', 'network'].some((t) =>
    wanted.has(t as CleanupResourceType),
  );
  const networks = needNetwork
    ? (await net.listNetworks({ projectId }, opts).toArray()).filter(
        (n) => !n.isRouterExternal && match(n.name, n.createdAt),
      )
    : [];
  const networkIds = new Set(networks.map((n) => n.id));
  const subnets = needNetwork
    ? (await net.listSubnets({ projectId }, opts).toArray()).filter(
        (s) => networkIds.has(s.networkId ?? '') || match(s.name, s.createdAt),
      )
    : [];
  const subnetIds = new Set(subnets.map((s) => s.id));
  const ports = needNetwork ? await net.listPorts({ projectId }, opts).toArray() : [];
  const routers = needNetwork
    ? (await net.listRouters({ projectId }, opts).toArray()).filter((r) => match(r.name, r.createdAt))
    : [];
  const routerIds = new Set(routers.map((r) => r.id));

  if (wanted.has('floating-ip')) {
    const portById = new Map(ports.map((p) => [p.id, p]));
    for (const fip of await net.listFloatingIps({ projectId }, opts).toArray()) {
      const port = fip.portId ? portById.get(fip.portId) : undefined;
      const follows = port && (serverIds.has(port.deviceId ?? '') || networkIds.has(port.networkId ?? ''));
      const byFilter =
        f.namePrefix === undefined
          ? match(undefined, fip.createdAt)
          : (fip.description ?? '').startsWith(f.namePrefix) && match(fip.description, fip.createdAt);
      if (!follows && !byFilter) continue;
      steps.push({
        type: 'floating-ip',
        id: fip.id,
        name: fip.floatingIpAddress ?? undefined,
        run: () => net.deleteFloatingIp(fip.id, { ignoreMissing: true }),
      });
    }
  }
  if (wanted.has('router-interface')) {
    for (const p of ports) {
      if (
        !/^network:(router_interface|router_interface_distributed|ha_router_replicated_interface)$/.test(
          p.deviceOwner ?? '',
        )
      )
        continue;
      const onSubnet = (p.fixedIps ?? []).find((ip) => subnetIds.has(ip.subnet_id ?? ''));
      if (!routerIds.has(p.deviceId ?? '') && !onSubnet) continue;
      steps.push({
        type: 'router-interface',
        id: p.id,
        name: `${p.deviceId}:${p.fixedIps?.[0]?.ip_address ?? ''}`,
        run: () => removeInterface(conn, p.deviceId ?? '', p.id),
      });
    }
  }
  if (wanted.has('router')) {
    for (const r of routers) {
      steps.push({
        type: 'router',
        id: r.id,
        name: r.name ?? undefined,
        run: () => net.deleteRouter(r.id, { ignoreMissing: true }),
      });
    }
  }
  if (wanted.has('port')) {
    for (const p of ports) {
      const owner = p.deviceOwner ?? '';
      // infrastructure ports go with their router/network, compute ports with their server
      if (INFRA_OWNERS.test(owner) || owner.startsWith('compute:')) continue;
      if (!networkIds.has(p.networkId ?? '') && !(p.name && match(p.name, p.createdAt))) continue;
      steps.push({
        type: 'port',
        id: p.id,
        name: p.name || undefined,
        run: () => net.deletePort(p.id, { ignoreMissing: true }),
      });
    }
  }
  if (wanted.has('subnet')) {
    for (const s of subnets) {
      steps.push({
        type: 'subnet',
        id: s.id,
        name: s.name ?? undefined,
        run: () => net.deleteSubnet(s.id, { ignoreMissing: true }),
      });
    }
  }
  if (wanted.has('network')) {
    for (const n of networks) {
      steps.push({
        type: 'network',
        id: n.id,
        name: n.name ?? undefined,
        run: () => net.deleteNetwork(n.id, { ignoreMissing: true }),
      });
    }
  }
  if (wanted.has('security-group')) {
    for (const g of await net.listSecurityGroups({ projectId }, opts).toArray()) {
      if (g.name === 'default' || !match(g.name, g.createdAt)) continue;
      steps.push({
        type: 'security-group',
        id: g.id,
        name: g.name ?? undefined,
        run: () => net.deleteSecurityGroup(g.id, { ignoreMissing: true }),
      });
    }
  }

  // --- block storage
  const volumes =
    wanted.has('volume') || wanted.has('snapshot')
      ? (await conn.blockStorage.listVolumes({}, opts).toArray()).filter((v) => match(v.name, v.createdAt))
      : [];
  const volumeIds = new Set(volumes.map((v) => v.id));
  if (wanted.has('snapshot')) {
    for (const s of await conn.blockStorage.listSnapshots({}, opts).toArray()) {
      if (!volumeIds.has(s.volumeId ?? '') && !match(s.name, s.createdAt)) continue;
      steps.push({
        type: 'snapshot',
        id: s.id,
        name: s.name ?? undefined,
        run: async () => {
          await conn.blockStorage.deleteSnapshot(s.id, { ignoreMissing: true });
          await conn.blockStorage.waitForSnapshotDelete(s.id, { timeoutMs: waitMs, intervalMs });
        },
      });
    }
  }
  if (wanted.has('volume')) {
    for (const v of volumes) {
      steps.push({
        type: 'volume',
        id: v.id,
        name: v.name ?? undefined,
        run: () => deleteVolumeWhenFree(conn, v.id, { timeoutMs: waitMs, intervalMs }),
      });
    }
  }

  // --- images and objects
  if (wanted.has('image')) {
    for await (const i of conn.image.listImages({ owner: projectId }, opts)) {
      if (!match(i.name, i.createdAt) || i.isProtected) continue;
      steps.push({
        type: 'image',
        id: i.id,
        name: i.name ?? undefined,
        run: () => conn.image.deleteImage(i.id, { ignoreMissing: true }),
      });
    }
  }
  if (wanted.has('container') && (await hasObjectStore(conn, signal))) {
    for await (const c of conn.objectStore.listContainers({ prefix: f.namePrefix }, opts)) {
      if (!match(c.name, c.lastModified)) continue;
      const name = c.name ?? '';
      steps.push({
        type: 'container',
        id: name,
        name,
        run: () => conn.objectStore.deleteContainer(name, { empty: true, ignoreMissing: true }),
      });
    }
  }

  // --- act, in order; wait for servers to go before touching what they use
  const actions: CleanupAction[] = [];
  const record = (s: Step, status: CleanupAction['status'], error?: string) => {
    const a: CleanupAction = { type: s.type, id: s.id, name: s.name, status, ...(error ? { error } : {}) };
    actions.push(a);
    opts.onAction?.(a);
  };
  const deletedServers: string[] = [];
  let serversGone = false;
  for (const s of steps) {
    if (dryRun) {
      record(s, 'planned');
      continue;
    }
    if (s.type !== 'server' && !serversGone) {
      await waitServersGone(conn, deletedServers, waitMs, intervalMs);
      serversGone = true;
    }
    try {
      await s.run();
      record(s, 'deleted');
      if (s.type === 'server') deletedServers.push(s.id);
    } catch (e) {
      record(s, 'failed', (e as Error).message);
    }
  }
  if (!serversGone) await waitServersGone(conn, deletedServers, waitMs, intervalMs);
  return { dryRun, projectId, actions, failed: actions.filter((a) => a.status === 'failed').length };
}

async function removeInterface(conn: CloudConnection, routerId: string, portId: string): Promise<void> {
  try {
    await conn.network.removeRouterInterface(routerId, { portId });
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
  }
}

async function waitServersGone(
  conn: CloudConnection,
  ids: string[],
  timeoutMs: number,
  intervalMs: number,
): Promise<void> {
  for (const id of ids) {
    try {
      await conn.compute.waitForServerDelete(id, { timeoutMs, intervalMs });
    } catch {
      // reported by the steps that depend on it
    }
  }
}

async function hasObjectStore(conn: CloudConnection, signal?: AbortSignal): Promise<boolean> {
  const access = await conn.authorize(signal);
  return access.catalog.some((s) => s.type === 'object-store');
}
