/** `ostack share ...` implementations (columns as openstackclient's manila plugin shows them). */
import { ValidationError } from '../../errors/errors.js';
import type { CliContext } from '../context.js';
import type { Row } from '../output.js';
import { forEachItem, intOption, parseProperties, showRow } from './common.js';

const POLL = { intervalMs: 1000 };

/** `true`/`false` (any case, also yes/no/1/0) of an option such as `--public`. */
function boolOption(v: string | undefined, option: string): boolean | undefined {
  if (v === undefined) return undefined;
  const s = v.toLowerCase();
  if (['true', 'yes', '1', 'on'].includes(s)) return true;
  if (['false', 'no', '0', 'off'].includes(s)) return false;
  throw new ValidationError(`expected true or false, got "${v}"`, { field: option });
}

/** A required positive size in GiB. */
function sizeArg(v: string, what: string): number {
  const n = intOption(v, what);
  if (!n) throw new ValidationError(`expected a size in GiB above 0, got "${v}"`, { field: what });
  return n;
}

async function sfs(ctx: CliContext) {
  return (await ctx.connection('sharedFileSystem')).sharedFileSystem;
}

/** A resource body as a show row, metadata shown as properties. */
function bodyRow(raw: unknown): Row {
  const { metadata, ...rest } = raw as Record<string, unknown>;
  return showRow(rest, metadata === undefined ? {} : { properties: metadata });
}

export async function list(
  ctx: CliContext,
  o: { name?: string; status?: string; allProjects?: boolean; long?: boolean },
): Promise<void> {
  const api = await sfs(ctx);
  const shares = await api
    .listShares({ name: o.name, status: o.status, allTenants: o.allProjects ? true : undefined })
    .toArray();
  const rows = shares.map((s) => ({
    ID: s.id,
    Name: s.name,
    Size: s.size,
    'Share Proto': s.shareProto,
    Status: s.status,
    'Is Public': s.isPublic,
    'Share Type Name': s.shareTypeName ?? null,
    Host: s.host ?? '',
    'Availability Zone': s.availabilityZone,
    'Share Network ID': s.shareNetworkId,
    Properties: s.metadata,
  }));
  const cols = [
    'ID',
    'Name',
    'Size',
    'Share Proto',
    'Status',
    'Is Public',
    'Share Type Name',
    'Host',
    'Availability Zone',
  ];
  await ctx.printList(rows, o.long ? [...cols, 'Share Network ID', 'Properties'] : cols);
}

export async function show(ctx: CliContext, share: string): Promise<void> {
  const api = await sfs(ctx);
  const s = await api.findShare(share);
  const locations = await api.listShareExportLocations(s).toArray();
  await ctx.printOne({ ...bodyRow(s.raw), export_locations: locations.map((l) => l.path) });
}

export async function create(
  ctx: CliContext,
  proto: string,
  size: string,
  o: {
    name?: string;
    description?: string;
    shareType?: string;
    shareNetwork?: string;
    availabilityZone?: string;
    snapshotId?: string;
    property?: string[];
    public?: string;
    wait?: boolean;
  },
): Promise<void> {
  const gib = sizeArg(size, 'size');
  const isPublic = boolOption(o.public, '--public');
  const api = await sfs(ctx);
  const shareNetworkId = o.shareNetwork ? (await api.findShareNetwork(o.shareNetwork)).id : undefined;
  let s = await api.createShare({
    shareProto: proto.toUpperCase(),
    size: gib,
    ...(o.name ? { name: o.name } : {}),
    ...(o.description ? { description: o.description } : {}),
    ...(o.shareType ? { shareType: o.shareType } : {}),
    ...(shareNetworkId ? { shareNetworkId } : {}),
    ...(o.availabilityZone ? { availabilityZone: o.availabilityZone } : {}),
    ...(o.snapshotId ? { snapshotId: o.snapshotId } : {}),
    ...(o.property ? { metadata: parseProperties(o.property) } : {}),
    ...(isPublic === undefined ? {} : { isPublic }),
  });
  if (o.wait) s = await api.waitForShare(s, 'available', POLL);
  await ctx.printOne(bodyRow(s.raw));
}

export async function set(
  ctx: CliContext,
  share: string,
  o: { name?: string; description?: string; public?: string; property?: string[]; status?: string },
): Promise<void> {
  const isPublic = boolOption(o.public, '--public');
  const api = await sfs(ctx);
  const s = await api.findShare(share);
  if (o.name !== undefined || o.description !== undefined || isPublic !== undefined) {
    await api.updateShare(s, {
      ...(o.name !== undefined ? { name: o.name } : {}),
      ...(o.description !== undefined ? { description: o.description } : {}),
      ...(isPublic !== undefined ? { isPublic } : {}),
    });
  }
  if (o.property) await api.setShareMetadata(s, parseProperties(o.property));
  if (o.status) await api.resetShareStatus(s, o.status);
}

export async function remove(ctx: CliContext, shares: string[], o: { wait?: boolean }): Promise<void> {
  const api = await sfs(ctx);
  await forEachItem(ctx, shares, 'share', 'delete', async (name) => {
    const s = await api.findShare(name);
    await api.deleteShare(s);
    if (o.wait) await api.waitForShareDelete(s, POLL);
  });
}

export async function resize(
  ctx: CliContext,
  share: string,
  newSize: string,
  o: { wait?: boolean },
): Promise<void> {
  const size = sizeArg(newSize, 'new-size');
  const api = await sfs(ctx);
  const s = await api.findShare(share);
  if (o.wait) {
    await api.resizeShare(s, size, POLL);
    return;
  }
  if (size > s.size) await api.extendShare(s, size);
  else if (size < s.size) await api.shrinkShare(s, size);
}

export async function exportLocationList(ctx: CliContext, share: string): Promise<void> {
  const api = await sfs(ctx);
  const s = await api.findShare(share);
  const rows = (await api.listShareExportLocations(s).toArray()).map((l) => ({
    ID: l.id,
    Path: l.path,
    Preferred: l.preferred ?? null,
  }));
  await ctx.printList(rows, ['ID', 'Path', 'Preferred']);
}

export async function quotaShow(ctx: CliContext, o: { project?: string; defaults?: boolean }): Promise<void> {
  const conn = await ctx.connection('sharedFileSystem');
  const project = o.project ?? (await conn.authorize()).projectId;
  if (!project)
    throw new ValidationError('no project in scope', { field: '--project', fix: 'pass --project <id>' });
  const api = conn.sharedFileSystem;
  const q = o.defaults ? await api.getQuotaSetDefaults(project) : await api.getQuotaSet(project);
  await ctx.printOne(showRow(q.raw as Record<string, unknown>));
}

export async function quotaSet(
  ctx: CliContext,
  project: string,
  o: Record<string, string | undefined>,
): Promise<void> {
  const changes: Record<string, number> = {};
  const names = {
    shares: 'shares',
    snapshots: 'snapshots',
    gigabytes: 'gigabytes',
    snapshotGigabytes: 'snapshotGigabytes',
    shareNetworks: 'shareNetworks',
  } as const;
  for (const [opt, field] of Object.entries(names)) {
    const v = o[opt];
    if (v === undefined) continue;
    const n = Number(v);
    if (!Number.isInteger(n) || n < -1) {
      throw new ValidationError(`expected a whole number or -1 (unlimited), got "${v}"`, {
        field: `--${opt}`,
      });
    }
    changes[field] = n;
  }
  const api = await sfs(ctx);
  await api.updateQuotaSet(project, changes);
}

export async function zoneList(ctx: CliContext): Promise<void> {
  const api = await sfs(ctx);
  const rows = (await api.listAvailabilityZones().toArray()).map((z) => ({
    Id: z.id,
    Name: z.name,
    'Created At': z.raw.created_at ?? null,
    'Updated At': z.raw.updated_at ?? null,
  }));
  await ctx.printList(rows, ['Id', 'Name', 'Created At', 'Updated At']);
}

function specsText(specs: Record<string, unknown> | undefined): string[] {
  return Object.entries(specs ?? {}).map(([k, v]) => `${k} : ${String(v)}`);
}

export async function typeList(ctx: CliContext, o: { all?: boolean }): Promise<void> {
  const api = await sfs(ctx);
  const types = await api.listShareTypes(o.all ? { isPublic: 'all' } : {}).toArray();
  const rows = types.map((t) => {
    const required = t.requiredExtraSpecs;
    const optional = Object.fromEntries(Object.entries(t.extraSpecs).filter(([k]) => !(k in required)));
    return {
      ID: t.id,
      Name: t.name,
      Visibility: t.isPublic ? 'public' : 'private',
      'Is Default': t.isDefault ?? null,
      'Required Extra Specs': specsText(required),
      'Optional Extra Specs': specsText(optional),
      Description: t.description ?? null,
    };
  });
  await ctx.printList(rows, [
    'ID',
    'Name',
    'Visibility',
    'Is Default',
    'Required Extra Specs',
    'Optional Extra Specs',
    'Description',
  ]);
}

export async function typeShow(ctx: CliContext, type: string): Promise<void> {
  const api = await sfs(ctx);
  await ctx.printOne(showRow((await api.findShareType(type)).raw as Record<string, unknown>));
}

export async function typeCreate(
  ctx: CliContext,
  name: string,
  dhss: string,
  o: { description?: string; snapshotSupport?: string; extraSpecs?: string[]; public?: string },
): Promise<void> {
  const driverHandles = boolOption(dhss, 'spec_driver_handles_share_servers');
  const snapshots = boolOption(o.snapshotSupport, '--snapshot-support');
  const isPublic = boolOption(o.public, '--public');
  const extraSpecs: Record<string, string> = {
    ...parseProperties(o.extraSpecs, '--extra-specs'),
    driver_handles_share_servers: String(driverHandles),
    ...(snapshots === undefined ? {} : { snapshot_support: String(snapshots) }),
  };
  const api = await sfs(ctx);
  const t = await api.createShareType({
    name,
    extraSpecs,
    isPublic: isPublic ?? true,
    ...(o.description ? { description: o.description } : {}),
  });
  await ctx.printOne(showRow(t.raw as Record<string, unknown>));
}

export async function typeSet(
  ctx: CliContext,
  type: string,
  o: { name?: string; description?: string; public?: string; extraSpecs?: string[] },
): Promise<void> {
  const isPublic = boolOption(o.public, '--public');
  const api = await sfs(ctx);
  const t = await api.findShareType(type, { query: { isPublic: 'all' } });
  if (o.name !== undefined || o.description !== undefined || isPublic !== undefined) {
    await api.updateShareType(t, {
      ...(o.name !== undefined ? { name: o.name } : {}),
      ...(o.description !== undefined ? { description: o.description } : {}),
      ...(isPublic !== undefined ? { isPublic } : {}),
    });
  }
  if (o.extraSpecs) await api.setShareTypeExtraSpecs(t, parseProperties(o.extraSpecs, '--extra-specs'));
}

export async function typeUnset(ctx: CliContext, type: string, keys: string[]): Promise<void> {
  const api = await sfs(ctx);
  const t = await api.findShareType(type, { query: { isPublic: 'all' } });
  for (const key of keys) await api.deleteShareTypeExtraSpec(t, key);
}

export async function typeDelete(ctx: CliContext, types: string[]): Promise<void> {
  const api = await sfs(ctx);
  await forEachItem(ctx, types, 'share type', 'delete', async (name) => {
    await api.deleteShareType(await api.findShareType(name, { query: { isPublic: 'all' } }));
  });
}

export async function typeAccessList(ctx: CliContext, type: string): Promise<void> {
  const api = await sfs(ctx);
  const t = await api.findShareType(type, { query: { isPublic: 'all' } });
  const rows = (await api.listShareTypeAccess(t).toArray()).map((a) => ({ 'Project ID': a.projectId }));
  await ctx.printList(rows, ['Project ID']);
}

export async function typeAccessCreate(ctx: CliContext, type: string, project: string): Promise<void> {
  const api = await sfs(ctx);
  await api.addShareTypeAccess(await api.findShareType(type, { query: { isPublic: 'all' } }), project);
}

export async function typeAccessDelete(ctx: CliContext, type: string, project: string): Promise<void> {
  const api = await sfs(ctx);
  await api.removeShareTypeAccess(await api.findShareType(type, { query: { isPublic: 'all' } }), project);
}

export async function networkList(ctx: CliContext): Promise<void> {
  const api = await sfs(ctx);
  const rows = (await api.listShareNetworks().toArray()).map((n) => ({ ID: n.id, Name: n.name }));
  await ctx.printList(rows, ['ID', 'Name']);
}

export async function networkShow(ctx: CliContext, network: string): Promise<void> {
  const api = await sfs(ctx);
  await ctx.printOne(showRow((await api.findShareNetwork(network)).raw as Record<string, unknown>));
}

export async function networkCreate(
  ctx: CliContext,
  o: {
    name?: string;
    description?: string;
    neutronNetId?: string;
    neutronSubnetId?: string;
    availabilityZone?: string;
  },
): Promise<void> {
  const api = await sfs(ctx);
  const n = await api.createShareNetwork({
    ...(o.name ? { name: o.name } : {}),
    ...(o.description ? { description: o.description } : {}),
    ...(o.neutronNetId ? { neutronNetId: o.neutronNetId } : {}),
    ...(o.neutronSubnetId ? { neutronSubnetId: o.neutronSubnetId } : {}),
    ...(o.availabilityZone ? { availabilityZone: o.availabilityZone } : {}),
  });
  await ctx.printOne(showRow(n.raw as Record<string, unknown>));
}

export async function networkSet(
  ctx: CliContext,
  network: string,
  o: { name?: string; description?: string },
): Promise<void> {
  const api = await sfs(ctx);
  const n = await api.findShareNetwork(network);
  await api.updateShareNetwork(n, {
    ...(o.name !== undefined ? { name: o.name } : {}),
    ...(o.description !== undefined ? { description: o.description } : {}),
  });
}

export async function networkDelete(ctx: CliContext, networks: string[]): Promise<void> {
  const api = await sfs(ctx);
  await forEachItem(ctx, networks, 'share network', 'delete', async (name) => {
    await api.deleteShareNetwork(await api.findShareNetwork(name));
  });
}

export async function subnetCreate(
  ctx: CliContext,
  network: string,
  o: { neutronNetId?: string; neutronSubnetId?: string; availabilityZone?: string },
): Promise<void> {
  const api = await sfs(ctx);
  const n = await api.findShareNetwork(network);
  const sub = await api.createShareNetworkSubnet(n, {
    ...(o.neutronNetId ? { neutronNetId: o.neutronNetId } : {}),
    ...(o.neutronSubnetId ? { neutronSubnetId: o.neutronSubnetId } : {}),
    ...(o.availabilityZone ? { availabilityZone: o.availabilityZone } : {}),
  });
  await ctx.printOne(showRow(sub.raw as Record<string, unknown>));
}

export async function subnetShow(ctx: CliContext, network: string, subnet: string): Promise<void> {
  const api = await sfs(ctx);
  const n = await api.findShareNetwork(network);
  await ctx.printOne(showRow((await api.getShareNetworkSubnet(n, subnet)).raw as Record<string, unknown>));
}

export async function subnetDelete(ctx: CliContext, network: string, subnets: string[]): Promise<void> {
  const api = await sfs(ctx);
  const n = await api.findShareNetwork(network);
  await forEachItem(ctx, subnets, 'share network subnet', 'delete', async (id) => {
    await api.deleteShareNetworkSubnet(n, id);
  });
}

const ACCESS_COLUMNS = [
  'ID',
  'Access Type',
  'Access To',
  'Access Level',
  'State',
  'Access Key',
  'Created At',
  'Updated At',
];

export async function accessCreate(
  ctx: CliContext,
  share: string,
  accessType: string,
  accessTo: string,
  o: { accessLevel?: string; properties?: string[]; wait?: boolean },
): Promise<void> {
  const api = await sfs(ctx);
  const s = await api.findShare(share);
  let rule = await api.grantShareAccess(s, {
    accessType: accessType as never,
    accessTo,
    ...(o.accessLevel ? { accessLevel: o.accessLevel as never } : {}),
    ...(o.properties ? { metadata: parseProperties(o.properties, '--properties') } : {}),
  });
  if (o.wait) rule = await api.waitForAccessRule(rule, 'active', POLL);
  // the cephx secret is the caller's to see, as openstackclient shows it
  await ctx.printOne(bodyRow(rule.raw));
}

export async function accessList(ctx: CliContext, share: string): Promise<void> {
  const api = await sfs(ctx);
  const s = await api.findShare(share);
  const rows = (await api.listAccessRules(s).toArray()).map((r) => ({
    ID: r.id,
    'Access Type': r.accessType,
    'Access To': r.accessTo,
    'Access Level': r.accessLevel,
    State: r.state,
    'Access Key': r.accessKey,
    'Created At': r.raw.created_at ?? null,
    'Updated At': r.raw.updated_at ?? null,
  }));
  await ctx.printList(rows, ACCESS_COLUMNS);
}

export async function accessDelete(
  ctx: CliContext,
  share: string,
  id: string,
  o: { wait?: boolean },
): Promise<void> {
  const api = await sfs(ctx);
  const s = await api.findShare(share);
  await api.revokeShareAccess(s, id);
  if (o.wait) await api.waitForAccessRuleDelete(id, POLL);
}

export async function snapshotCreate(
  ctx: CliContext,
  share: string,
  o: { name?: string; description?: string; force?: boolean; wait?: boolean },
): Promise<void> {
  const api = await sfs(ctx);
  const s = await api.findShare(share);
  let snap = await api.createShareSnapshot({
    shareId: s.id,
    ...(o.name ? { name: o.name } : {}),
    ...(o.description ? { description: o.description } : {}),
    ...(o.force ? { force: true } : {}),
  });
  if (o.wait) snap = await api.waitForShareSnapshot(snap, 'available', POLL);
  await ctx.printOne(showRow(snap.raw as Record<string, unknown>));
}

export async function snapshotList(
  ctx: CliContext,
  o: { share?: string; name?: string; allProjects?: boolean },
): Promise<void> {
  const api = await sfs(ctx);
  const shareId = o.share ? (await api.findShare(o.share)).id : undefined;
  const snaps = await api
    .listShareSnapshots({ shareId, name: o.name, allTenants: o.allProjects ? true : undefined })
    .toArray();
  await ctx.printList(
    snaps.map((s) => ({ ID: s.id, Name: s.name })),
    ['ID', 'Name'],
  );
}

export async function snapshotShow(ctx: CliContext, snapshot: string): Promise<void> {
  const api = await sfs(ctx);
  await ctx.printOne(showRow((await api.findShareSnapshot(snapshot)).raw as Record<string, unknown>));
}

export async function snapshotSet(
  ctx: CliContext,
  snapshot: string,
  o: { name?: string; description?: string },
): Promise<void> {
  const api = await sfs(ctx);
  const snap = await api.findShareSnapshot(snapshot);
  await api.updateShareSnapshot(snap, {
    ...(o.name !== undefined ? { name: o.name } : {}),
    ...(o.description !== undefined ? { description: o.description } : {}),
  });
}

export async function snapshotDelete(
  ctx: CliContext,
  snapshots: string[],
  o: { wait?: boolean },
): Promise<void> {
  const api = await sfs(ctx);
  await forEachItem(ctx, snapshots, 'share snapshot', 'delete', async (name) => {
    const snap = await api.findShareSnapshot(name);
    await api.deleteShareSnapshot(snap);
    if (o.wait) await api.waitForShareSnapshotDelete(snap, POLL);
  });
}
