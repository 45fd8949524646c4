/**
 * Turning what a caller says ("cirros", "m1.nano", `{ minRam: 256 }`, nothing at all for the
 * network) into the resources to use, with errors that list the choices.
 */

import { ValidationError } from '../errors/errors.js';
import type { CloudConnection } from './cloud-connection.js';
import type { FlavorResource, ImageResource, NetworkResource } from './resources.js';

/** A flavor by name or id, or the smallest flavor meeting these minimums. */
export type FlavorSpec = string | { minRam?: number; minVcpus?: number; minDisk?: number };

/** The id of the project the connection's token is scoped to. */
export async function currentProjectId(conn: CloudConnection, signal?: AbortSignal): Promise<string> {
  const access = await conn.authorize(signal);
  if (!access.projectId) {
    throw new ValidationError('the connection is not scoped to a project', {
      field: 'auth.project_name',
      fix: 'configure a project (project_name / project_id) for this cloud',
    });
  }
  return access.projectId;
}

/** An image by name or id. */
export function resolveImage(
  conn: CloudConnection,
  nameOrId: string,
  signal?: AbortSignal,
): Promise<ImageResource> {
  return conn.image.findImage(nameOrId, { signal });
}

/**
 * A flavor by name or id; with minimums, the smallest flavor (by RAM, then vCPUs, then disk)
 * that has at least that much. Disabled flavors are never chosen by minimums.
 */
export async function resolveFlavor(
  conn: CloudConnection,
  spec: FlavorSpec,
  signal?: AbortSignal,
): Promise<FlavorResource> {
  if (typeof spec === 'string') return conn.compute.findFlavor(spec, { signal });
  const flavors = await conn.compute
    .listFlavors({ minRam: spec.minRam, minDisk: spec.minDisk }, { signal })
    .toArray();
  const best = pickSmallestFlavor(flavors, spec);
  if (!best) {
    throw new ValidationError(`no flavor has at least ${describeMinimums(spec)}`, {
      field: 'flavor',
      fix: `choose one of: ${flavors.map((f) => `${f.name} (${f.ram} MB, ${f.vcpus} vCPU, ${f.disk} GB)`).join(', ') || 'none visible'}`,
    });
  }
  return best;
}

function describeMinimums(spec: Exclude<FlavorSpec, string>): string {
  const parts: string[] = [];
  if (spec.minRam !== undefined) parts.push(`${spec.minRam} MB RAM`);
  if (spec.minVcpus !== undefined) parts.push(`${spec.minVcpus} vCPU`);
  if (spec.minDisk !== undefined) parts.push(`${spec.minDisk} GB disk`);
  return parts.join(', ') || 'nothing';
}

/** The smallest flavor satisfying the minimums (pure; exported for tests). */
export function pickSmallestFlavor<
  F extends { ram?: number; vcpus?: number; disk?: number; isDisabled?: boolean },
>(flavors: F[], spec: { minRam?: number; minVcpus?: number; minDisk?: number }): F | undefined {
  return flavors
    .filter(
      (f) =>
        !f.isDisabled &&
        (f.ram ?? 0) >= (spec.minRam ?? 0) &&
        (f.vcpus ?? 0) >= (spec.minVcpus ?? 0) &&
        (f.disk ?? 0) >= (spec.minDisk ?? 0),
    )
    .sort(
      (a, b) =>
        (a.ram ?? 0) - (b.ram ?? 0) || (a.vcpus ?? 0) - (b.vcpus ?? 0) || (a.disk ?? 0) - (b.disk ?? 0),
    )[0];
}

/** Networks a server of this project can be plugged into: own or shared, not external, with a subnet. */
export function usableNetworks<N extends { isRouterExternal?: boolean; subnets?: string[] }>(
  networks: N[],
): N[] {
  return networks.filter((n) => !n.isRouterExternal && (n.subnets?.length ?? 0) > 0);
}

/** Pick the only usable network, or explain (pure; exported for tests). */
export function pickOnlyNetwork<N extends { id: string; name?: string }>(usable: N[]): N {
  if (usable.length === 1) return usable[0]!;
  if (usable.length === 0) {
    throw new ValidationError('the project has no network a server can use (non-external, with a subnet)', {
      field: 'network',
      fix: 'create one (cloud.getOrCreateNetwork) or pass network',
    });
  }
  throw new ValidationError(`the project has ${usable.length} usable networks, which one?`, {
    field: 'network',
    fix: `pass network: one of ${usable.map((n) => `"${n.name ?? ''}" (${n.id})`).join(', ')}`,
  });
}

/**
 * The network for a server: the one named (name or id), else the project's only usable
 * non-external network.
 */
export async function resolveServerNetwork(
  conn: CloudConnection,
  nameOrId: string | undefined,
  projectId: string,
  signal?: AbortSignal,
): Promise<NetworkResource> {
  if (nameOrId) {
    const n = await conn.network.findNetwork(nameOrId, { signal });
    if (n.isRouterExternal && n.projectId !== projectId && !n.shared) {
      throw new ValidationError(`network "${n.name}" is external and not shared with this project`, {
        field: 'network',
        fix: 'boot on a project network and use autoIp for a public address',
      });
    }
    return n;
  }
  const own = await conn.network.listNetworks({ projectId }, { signal }).toArray();
  const shared = await conn.network.listNetworks({ shared: true }, { signal }).toArray();
  const byId = new Map([...own, ...shared].map((n) => [n.id, n]));
  return pickOnlyNetwork(usableNetworks([...byId.values()]));
}

/**
 * The external network floating IPs come from: the one named (`pool`, name or id, must be
 * external), else the only external network, else the one marked default.
 */
export async function resolveExternalNetwork(
  conn: CloudConnection,
  pool: string | undefined,
  signal?: AbortSignal,
): Promise<NetworkResource> {
  if (pool) {
    const n = await conn.network.findNetwork(pool, { signal });
    if (!n.isRouterExternal) {
      throw new ValidationError(`network "${n.name}" is not external: floating IPs cannot come from it`, {
        field: 'floatingIpPool',
        fix: 'name an external network (router:external), e.g. "public"',
      });
    }
    return n;
  }
  const ext = await conn.network.listNetworks({ isRouterExternal: true }, { signal }).toArray();
  if (ext.length === 1) return ext[0]!;
  const dflt = ext.filter((n) => n.isDefault);
  if (dflt.length === 1) return dflt[0]!;
  throw new ValidationError(
    ext.length ? `${ext.length} external networks, which one?` : 'the cloud has no external network',
    {
      field: 'floatingIpPool',
      fix: ext.length
        ? `pass floatingIpPool: one of ${ext.map((n) => `"${n.name}"`).join(', ')}`
        : 'ask the cloud operator for an external network',
    },
  );
}
