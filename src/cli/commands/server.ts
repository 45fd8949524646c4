/** `ostack server ...` implementations. */
import type { CreateServerProgress } from '../../cloud/create-server.js';
import type { ServerResource } from '../../cloud/resources.js';
import { ResourceNotFoundError, ValidationError } from '../../errors/errors.js';
import type { ServerAddress } from '../../services/compute/server.js';
import type { CliContext } from '../context.js';
import type { Row } from '../output.js';
import { waitBar } from '../progress.js';
import type { ServicesOf } from '../services.js';
import { forEachItem, intOption, parseProperties, readOptionFile, showRow } from './common.js';

/** `{ network: [addr, ...] }`, as openstackclient shows a server's networks. */
export function networksOf(
  addresses: Record<string, ServerAddress[]> | null | undefined,
): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(addresses ?? {}).map(([n, list]) => [n, (list ?? []).map((a) => a.addr)]),
  );
}

function flavorName(s: ServerResource): string {
  const f = s.flavor;
  return (f?.original_name as string | undefined) ?? f?.id ?? '';
}

function imageIdOf(s: ServerResource): string {
  const i = s.image;
  return i && typeof i === 'object' ? i.id : '';
}

async function imageNames(conn: ServicesOf<'image'>): Promise<Map<string, string>> {
  const m = new Map<string, string>();
  try {
    for await (const i of conn.image.listImages()) m.set(i.id, i.name ?? '');
  } catch {
    // names are a nicety: ids are shown when images cannot be listed
  }
  return m;
}

function imageLabel(s: ServerResource, names: Map<string, string>): string {
  const id = imageIdOf(s);
  if (!id) return 'N/A (booted from volume)';
  return names.get(id) ?? id;
}

async function findServer(conn: ServicesOf<'compute'>, nameOrId: string): Promise<ServerResource> {
  return conn.compute.findServer(nameOrId);
}

/** The rows `server show` and `server create` print. */
export function serverShowRow(s: ServerResource, extra: Row = {}): Row {
  const body = s.raw;
  const { addresses, flavor, image, security_groups, metadata, ...rest } = body as Record<string, any>;
  return showRow(rest, {
    addresses: networksOf(addresses),
    flavor: flavor ? (flavor.original_name ?? flavor.id) : undefined,
    image: image && typeof image === 'object' ? image.id : image === '' ? 'N/A (booted from volume)' : image,
    security_groups: Array.isArray(security_groups)
      ? security_groups.map((g: { name: string }) => g.name)
      : undefined,
    properties: metadata,
    ...extra,
  });
}

export async function list(
  ctx: CliContext,
  o: {
    name?: string;
    status?: string;
    flavor?: string;
    image?: string;
    allProjects?: boolean;
    long?: boolean;
  },
): Promise<void> {
  const conn = await ctx.connection('compute', 'image');
  const flavorId = o.flavor ? (await conn.compute.findFlavor(o.flavor)).id : undefined;
  const imageId = o.image ? (await conn.image.findImage(o.image)).id : undefined;
  const servers = await conn.compute
    .listServers({
      name: o.name,
      status: o.status?.toUpperCase(),
      flavor: flavorId,
      image: imageId,
      allTenants: o.allProjects ? true : undefined,
    })
    .toArray();
  const names = servers.some((s) => imageIdOf(s)) ? await imageNames(conn) : new Map<string, string>();
  const rows = servers.map((s) => ({
    ID: s.id,
    Name: s.name,
    Status: s.status,
    Networks: networksOf(s.addresses),
    Image: imageLabel(s, names),
    Flavor: flavorName(s),
    'Task State': s.taskState ?? null,
    'Power State': s.powerState ?? null,
    'Availability Zone': s.currentAvailabilityZone ?? null,
    Host: s.host ?? null,
    Properties: s.metadata ?? {},
  }));
  const cols = ['ID', 'Name', 'Status', 'Networks', 'Image', 'Flavor'];
  await ctx.printList(
    rows,
    o.long
      ? [
          ...cols.slice(0, 3),
          'Task State',
          'Power State',
          ...cols.slice(3),
          'Availability Zone',
          'Host',
          'Properties',
        ]
      : cols,
  );
}

export async function show(ctx: CliContext, server: string): Promise<void> {
  const conn = await ctx.connection('compute');
  await ctx.printOne(serverShowRow(await findServer(conn, server)));
}

const STAGE_PERCENT: Record<string, number> = {
  resolving: 2,
  keypair: 5,
  volume: 8,
  creating: 12,
  building: 15,
  'floating-ip': 85,
  addresses: 92,
  done: 100,
};

export async function create(
  ctx: CliContext,
  name: string,
  o: {
    image: string;
    flavor: string;
    network?: string;
    keyName?: string;
    publicKey?: string;
    securityGroup?: string[];
    property?: string[];
    userData?: string;
    availabilityZone?: string;
    bootFromVolume?: string;
    autoIp?: boolean;
    floatingIp?: string;
    floatingIpPool?: string;
    wait?: boolean;
    waitTimeout?: string;
  },
): Promise<void> {
  if (o.publicKey && !o.keyName) {
    throw new ValidationError('needs --key-name', {
      field: '--public-key',
      fix: 'name the key pair with --key-name',
    });
  }
  const publicKey = o.publicKey ? (await readOptionFile(o.publicKey, '--public-key')).trim() : undefined;
  const userData = o.userData ? await readOptionFile(o.userData, '--user-data') : undefined;
  const volumeSize = intOption(o.bootFromVolume, '--boot-from-volume');
  const wait = !!(o.wait || o.autoIp || o.floatingIp);
  const conn = await ctx.fullConnection();
  const bar = wait ? await waitBar(ctx, `server ${name}`) : undefined;
  const onProgress = (p: CreateServerProgress) => {
    // building takes most of the time: creep towards the floating IP stage while polling
    const pct =
      p.stage === 'building'
        ? Math.min(80, 15 + Math.round(p.elapsedMs / 1000))
        : (STAGE_PERCENT[p.stage] ?? 0);
    bar?.update(pct, { status: p.status ? `${p.stage} ${p.status}` : p.stage });
  };
  try {
    const r = await conn.cloud.createServer({
      name,
      image: o.image,
      flavor: o.flavor,
      network: o.network,
      keyName: o.keyName,
      publicKey,
      securityGroups: o.securityGroup,
      metadata: o.property ? parseProperties(o.property) : undefined,
      userData,
      availabilityZone: o.availabilityZone,
      bootFromVolume: volumeSize !== undefined,
      volumeSize,
      autoIp: o.autoIp,
      floatingIp: o.floatingIp,
      floatingIpPool: o.floatingIpPool,
      wait,
      timeoutMs: (intOption(o.waitTimeout, '--wait-timeout') ?? 600) * 1000,
      onProgress,
    });
    bar?.stop();
    // with wait the cloud layer returns the server read back; without, nova's partial answer
    const server = wait ? (r.server as ServerResource) : await conn.compute.getServer(r.server.id);
    await ctx.printOne(
      serverShowRow(server, {
        ...(r.privateV4 ? { private_v4: r.privateV4 } : {}),
        ...(r.publicV4 ? { public_v4: r.publicV4 } : {}),
        ...(server.raw.adminPass === undefined && r.server.raw.adminPass
          ? { adminPass: r.server.raw.adminPass }
          : {}),
      }),
    );
  } finally {
    bar?.stop();
  }
}

export async function remove(
  ctx: CliContext,
  servers: string[],
  o: { wait?: boolean; deleteIps?: boolean },
): Promise<void> {
  const conn = await ctx.fullConnection();
  await forEachItem(ctx, servers, 'server', 'delete', async (s) => {
    const r = await conn.cloud.deleteServer(s, { wait: !!o.wait, deleteIps: o.deleteIps });
    if (!r.deleted) throw new ResourceNotFoundError(`no server with id or name "${s}"`);
  });
}

async function action(
  ctx: CliContext,
  servers: string[],
  verb: string,
  run: (conn: ServicesOf<'compute'>, s: ServerResource) => Promise<void>,
  waitFor: string | undefined,
): Promise<void> {
  const conn = await ctx.connection('compute');
  await forEachItem(ctx, servers, 'server', verb, async (name) => {
    const s = await findServer(conn, name);
    await run(conn, s);
    if (waitFor) {
      const bar = await waitBar(ctx, `${verb} ${s.name}`);
      try {
        await conn.compute.waitForServerIdle(s.id, waitFor, {
          intervalMs: 1000,
          onPoll: (status, ms) => bar.update(Math.min(95, Math.round(ms / 1000)), { status }),
        });
      } finally {
        bar.stop();
      }
    }
  });
}

export function start(ctx: CliContext, servers: string[], o: { wait?: boolean }): Promise<void> {
  return action(ctx, servers, 'start', (c, s) => c.compute.startServer(s), o.wait ? 'ACTIVE' : undefined);
}

export function stop(ctx: CliContext, servers: string[], o: { wait?: boolean }): Promise<void> {
  return action(ctx, servers, 'stop', (c, s) => c.compute.stopServer(s), o.wait ? 'SHUTOFF' : undefined);
}

export function reboot(
  ctx: CliContext,
  servers: string[],
  o: { hard?: boolean; wait?: boolean },
): Promise<void> {
  return action(
    ctx,
    servers,
    'reboot',
    (c, s) => c.compute.rebootServer(s, o.hard ? 'HARD' : 'SOFT'),
    o.wait ? 'ACTIVE' : undefined,
  );
}

export async function addFloatingIp(
  ctx: CliContext,
  server: string,
  ip: string,
  o: { fixedIpAddress?: string },
): Promise<void> {
  // the floating IP helpers are cloud-layer tasks: they take a whole connection
  const conn = await ctx.fullConnection();
  const { findFloatingIp, serverPort } = await import('../../cloud/floating-ip.js');
  const s = await findServer(conn, server);
  const fip = await findFloatingIp(conn, ip);
  let port = await serverPort(conn, s.id);
  if (o.fixedIpAddress) {
    const ports = await conn.network.listPorts({ deviceId: s.id }).toArray();
    const match = ports.find((p) => (p.fixedIps ?? []).some((f) => f.ip_address === o.fixedIpAddress));
    if (!match)
      throw new ValidationError(`server ${s.name} has no port with ${o.fixedIpAddress}`, {
        field: '--fixed-ip-address',
      });
    port = match;
  }
  await conn.network.associateFloatingIp(fip, port, { fixedIpAddress: o.fixedIpAddress });
}

export async function removeFloatingIp(ctx: CliContext, server: string, ip: string): Promise<void> {
  const conn = await ctx.fullConnection();
  const { findFloatingIp } = await import('../../cloud/floating-ip.js');
  const s = await findServer(conn, server);
  const fip = await findFloatingIp(conn, ip);
  const ports = await conn.network.listPorts({ deviceId: s.id }).toArray();
  if (!fip.portId || !ports.some((p) => p.id === fip.portId)) {
    throw new ValidationError(`floating IP ${fip.floatingIpAddress} is not attached to server ${s.name}`, {
      field: 'ip-address',
    });
  }
  await conn.network.disassociateFloatingIp(fip);
}
