/** `ostack baremetal port|port group|chassis|allocation|driver ...` implementations. */
import type { CliContext } from '../context.js';
import { boolOption, dropKeys, ironicRow, mergePairs, waitOption } from './baremetal-common.js';
import { forEachItem, intOption } from './common.js';

type Ctx = CliContext;
type Raw = { raw: Record<string, unknown> };

async function bm(ctx: Ctx) {
  return (await ctx.connection('baremetal')).baremetal;
}

async function print(ctx: Ctx, r: Raw): Promise<void> {
  await ctx.printOne(ironicRow(r.raw));
}

/** Names of port groups are resolved to uuids: ports store the uuid. */
async function groupUuid(ctx: Ctx, group: string | undefined): Promise<string | undefined> {
  return group === undefined ? undefined : (await (await bm(ctx)).findPortGroup(group)).uuid;
}

// ports

export async function portCreate(
  ctx: Ctx,
  address: string,
  o: {
    node: string;
    uuid?: string;
    portGroup?: string;
    extra?: string[];
    localLinkConnection?: string[];
    pxeEnabled?: string;
    physicalNetwork?: string;
  },
): Promise<void> {
  const portgroupUuid = await groupUuid(ctx, o.portGroup);
  const pxeEnabled = boolOption(o.pxeEnabled, '--pxe-enabled');
  const port = await (await bm(ctx)).createPort({
    address,
    nodeUuid: o.node,
    ...(o.uuid ? { uuid: o.uuid } : {}),
    ...(portgroupUuid ? { portgroupUuid } : {}),
    ...(o.extra ? { extras: mergePairs({}, o.extra, '--extra') } : {}),
    ...(o.localLinkConnection
      ? { localLinkConnection: mergePairs({}, o.localLinkConnection, '--local-link-connection') }
      : {}),
    ...(pxeEnabled !== undefined ? { pxeEnabled } : {}),
    ...(o.physicalNetwork ? { physicalNetwork: o.physicalNetwork } : {}),
  });
  await print(ctx, port);
}

export async function portList(
  ctx: Ctx,
  o: { node?: string; address?: string; portGroup?: string; limit?: string; long?: boolean },
): Promise<void> {
  const limit = intOption(o.limit, '--limit');
  const rows: Record<string, unknown>[] = [];
  for await (const p of (await bm(ctx)).listPorts({
    node: o.node,
    address: o.address,
    portgroup: o.portGroup,
  })) {
    if (limit !== undefined && limit > 0 && rows.length >= limit) break;
    rows.push({
      UUID: p.uuid,
      Address: p.address,
      'Node UUID': p.nodeUuid,
      'Portgroup UUID': p.portgroupUuid ?? null,
      'PXE boot enabled': p.pxeEnabled ?? null,
      'Physical Network': p.physicalNetwork ?? null,
      Extra: p.extras,
    });
  }
  const cols = ['UUID', 'Address'];
  await ctx.printList(
    rows,
    o.long ? [...cols, 'Node UUID', 'Portgroup UUID', 'PXE boot enabled', 'Physical Network', 'Extra'] : cols,
  );
}

export async function portShow(ctx: Ctx, port: string): Promise<void> {
  await print(ctx, await (await bm(ctx)).getPort(port));
}

export async function portSet(
  ctx: Ctx,
  port: string,
  o: {
    node?: string;
    address?: string;
    portGroup?: string;
    extra?: string[];
    pxeEnabled?: boolean;
    pxeDisabled?: boolean;
    physicalNetwork?: string;
  },
): Promise<void> {
  const api = await bm(ctx);
  const p = await api.getPort(port);
  const attrs: Record<string, unknown> = {};
  if (o.node) attrs.nodeUuid = o.node;
  if (o.address) attrs.address = o.address;
  if (o.portGroup) attrs.portgroupUuid = await groupUuid(ctx, o.portGroup);
  if (o.extra) attrs.extras = mergePairs(p.extras, o.extra, '--extra');
  if (o.pxeEnabled) attrs.pxeEnabled = true;
  if (o.pxeDisabled) attrs.pxeEnabled = false;
  if (o.physicalNetwork) attrs.physicalNetwork = o.physicalNetwork;
  if (Object.keys(attrs).length) await api.updatePort(p, attrs);
}

export async function portUnset(
  ctx: Ctx,
  port: string,
  o: { extra?: string[]; portGroup?: boolean; physicalNetwork?: boolean },
): Promise<void> {
  const api = await bm(ctx);
  const p = await api.getPort(port);
  const attrs: Record<string, unknown> = {};
  if (o.extra) attrs.extras = dropKeys(p.extras, o.extra);
  if (o.portGroup) attrs.portgroupUuid = null;
  if (o.physicalNetwork) attrs.physicalNetwork = null;
  if (Object.keys(attrs).length) await api.updatePort(p, attrs);
}

export async function portRemove(ctx: Ctx, ports: string[]): Promise<void> {
  const api = await bm(ctx);
  await forEachItem(ctx, ports, 'port', 'delete', async (p) => {
    await api.deletePort(p);
    ctx.note(`Deleted port ${p}`);
  });
}

// port groups

export async function groupCreate(
  ctx: Ctx,
  o: {
    node: string;
    address?: string;
    name?: string;
    uuid?: string;
    mode?: string;
    property?: string[];
    extra?: string[];
    supportStandalonePorts?: boolean;
    unsupportStandalonePorts?: boolean;
  },
): Promise<void> {
  const group = await (await bm(ctx)).createPortGroup({
    nodeUuid: o.node,
    ...(o.address ? { address: o.address } : {}),
    ...(o.name ? { name: o.name } : {}),
    ...(o.uuid ? { uuid: o.uuid } : {}),
    ...(o.mode ? { mode: o.mode } : {}),
    ...(o.property ? { properties: mergePairs({}, o.property, '--property') } : {}),
    ...(o.extra ? { extras: mergePairs({}, o.extra, '--extra') } : {}),
    ...(o.unsupportStandalonePorts ? { standalonePortsSupported: false } : {}),
    ...(o.supportStandalonePorts ? { standalonePortsSupported: true } : {}),
  });
  await print(ctx, group);
}

export async function groupList(
  ctx: Ctx,
  o: { node?: string; address?: string; long?: boolean },
): Promise<void> {
  const rows = (await (await bm(ctx)).listPortGroups({ node: o.node, address: o.address }).toArray()).map(
    (g) => ({
      UUID: g.uuid,
      Address: g.address,
      Name: g.name,
      'Node UUID': g.nodeUuid,
      'Standalone Ports Supported': g.standalonePortsSupported,
      Mode: g.mode ?? null,
      Properties: g.properties ?? {},
      Extra: g.extras,
    }),
  );
  const cols = ['UUID', 'Address', 'Name'];
  await ctx.printList(
    rows,
    o.long ? [...cols, 'Node UUID', 'Standalone Ports Supported', 'Mode', 'Properties', 'Extra'] : cols,
  );
}

export async function groupShow(ctx: Ctx, group: string): Promise<void> {
  await print(ctx, await (await bm(ctx)).findPortGroup(group));
}

export async function groupSet(
  ctx: Ctx,
  group: string,
  o: { name?: string; address?: string; mode?: string; property?: string[]; extra?: string[] },
): Promise<void> {
  const api = await bm(ctx);
  const g = await api.findPortGroup(group);
  const attrs: Record<string, unknown> = {};
  if (o.name) attrs.name = o.name;
  if (o.address) attrs.address = o.address;
  if (o.mode) attrs.mode = o.mode;
  if (o.property) attrs.properties = mergePairs(g.properties, o.property, '--property');
  if (o.extra) attrs.extras = mergePairs(g.extras, o.extra, '--extra');
  if (Object.keys(attrs).length) await api.updatePortGroup(g, attrs);
}

export async function groupUnset(
  ctx: Ctx,
  group: string,
  o: { name?: boolean; address?: boolean; property?: string[]; extra?: string[] },
): Promise<void> {
  const api = await bm(ctx);
  const g = await api.findPortGroup(group);
  const attrs: Record<string, unknown> = {};
  if (o.name) attrs.name = null;
  if (o.address) attrs.address = null;
  if (o.property) attrs.properties = dropKeys(g.properties, o.property);
  if (o.extra) attrs.extras = dropKeys(g.extras, o.extra);
  if (Object.keys(attrs).length) await api.updatePortGroup(g, attrs);
}

export async function groupRemove(ctx: Ctx, groups: string[]): Promise<void> {
  const api = await bm(ctx);
  await forEachItem(ctx, groups, 'port group', 'delete', async (g) => {
    await api.deletePortGroup((await api.findPortGroup(g)).uuid);
    ctx.note(`Deleted port group ${g}`);
  });
}

// chassis

export async function chassisCreate(
  ctx: Ctx,
  o: { description?: string; uuid?: string; extra?: string[] },
): Promise<void> {
  const c = await (await bm(ctx)).createChassis({
    ...(o.description ? { description: o.description } : {}),
    ...(o.uuid ? { uuid: o.uuid } : {}),
    ...(o.extra ? { extras: mergePairs({}, o.extra, '--extra') } : {}),
  });
  await print(ctx, c);
}

export async function chassisList(ctx: Ctx, o: { long?: boolean }): Promise<void> {
  const rows = (await (await bm(ctx)).listChassis().toArray()).map((c) => ({
    UUID: c.uuid,
    Description: c.description,
    Extra: c.extras,
    'Created At': c.createdAt,
    'Updated At': c.updatedAt,
  }));
  const cols = ['UUID', 'Description'];
  await ctx.printList(rows, o.long ? [...cols, 'Extra', 'Created At', 'Updated At'] : cols);
}

export async function chassisShow(ctx: Ctx, chassis: string): Promise<void> {
  await print(ctx, await (await bm(ctx)).getChassis(chassis));
}

export async function chassisSet(
  ctx: Ctx,
  chassis: string,
  o: { description?: string; extra?: string[] },
): Promise<void> {
  const api = await bm(ctx);
  const c = await api.getChassis(chassis);
  const attrs: Record<string, unknown> = {};
  if (o.description) attrs.description = o.description;
  if (o.extra) attrs.extras = mergePairs(c.extras, o.extra, '--extra');
  if (Object.keys(attrs).length) await api.updateChassis(c, attrs);
}

export async function chassisUnset(
  ctx: Ctx,
  chassis: string,
  o: { description?: boolean; extra?: string[] },
): Promise<void> {
  const api = await bm(ctx);
  const c = await api.getChassis(chassis);
  const attrs: Record<string, unknown> = {};
  if (o.description) attrs.description = null;
  if (o.extra) attrs.extras = dropKeys(c.extras, o.extra);
  if (Object.keys(attrs).length) await api.updateChassis(c, attrs);
}

export async function chassisRemove(ctx: Ctx, chassis: string[]): Promise<void> {
  const api = await bm(ctx);
  await forEachItem(ctx, chassis, 'chassis', 'delete', async (c) => {
    await api.deleteChassis(c);
    ctx.note(`Deleted chassis ${c}`);
  });
}

// allocations

export async function allocationCreate(
  ctx: Ctx,
  o: {
    resourceClass?: string;
    trait?: string[];
    candidateNode?: string[];
    name?: string;
    uuid?: string;
    owner?: string;
    extra?: string[];
    wait?: string | boolean;
  },
): Promise<void> {
  const wait = waitOption(o.wait);
  const api = await bm(ctx);
  let a = await api.createAllocation({
    ...(o.resourceClass ? { resourceClass: o.resourceClass } : {}),
    ...(o.trait ? { traits: o.trait } : {}),
    ...(o.candidateNode ? { candidateNodes: o.candidateNode } : {}),
    ...(o.name ? { name: o.name } : {}),
    ...(o.uuid ? { uuid: o.uuid } : {}),
    ...(o.owner ? { owner: o.owner } : {}),
    ...(o.extra ? { extras: mergePairs({}, o.extra, '--extra') } : {}),
  });
  if (wait) a = await api.waitForAllocation(a, wait);
  await print(ctx, a);
}

export async function allocationList(
  ctx: Ctx,
  o: { node?: string; resourceClass?: string; state?: string; owner?: string; long?: boolean },
): Promise<void> {
  const query = { node: o.node, resourceClass: o.resourceClass, state: o.state, owner: o.owner };
  const rows = (await (await bm(ctx)).listAllocations(query).toArray()).map((a) => ({
    UUID: a.uuid,
    Name: a.name,
    'Resource Class': a.resourceClass,
    State: a.state,
    'Node UUID': a.nodeUuid,
    'Last Error': a.lastError,
    Traits: a.traits,
    'Candidate Nodes': a.candidateNodes,
    Owner: a.owner ?? null,
    Extra: a.extras,
  }));
  const cols = ['UUID', 'Name', 'Resource Class', 'State', 'Node UUID'];
  await ctx.printList(
    rows,
    o.long ? [...cols, 'Last Error', 'Traits', 'Candidate Nodes', 'Owner', 'Extra'] : cols,
  );
}

export async function allocationShow(ctx: Ctx, allocation: string): Promise<void> {
  await print(ctx, await (await bm(ctx)).findAllocation(allocation));
}

export async function allocationSet(
  ctx: Ctx,
  allocation: string,
  o: { name?: string; extra?: string[] },
): Promise<void> {
  const api = await bm(ctx);
  const a = await api.findAllocation(allocation);
  const attrs: Record<string, unknown> = {};
  if (o.name) attrs.name = o.name;
  if (o.extra) attrs.extras = mergePairs(a.extras, o.extra, '--extra');
  if (Object.keys(attrs).length) await api.updateAllocation(a, attrs);
}

export async function allocationUnset(
  ctx: Ctx,
  allocation: string,
  o: { name?: boolean; extra?: string[] },
): Promise<void> {
  const api = await bm(ctx);
  const a = await api.findAllocation(allocation);
  const attrs: Record<string, unknown> = {};
  if (o.name) attrs.name = null;
  if (o.extra) attrs.extras = dropKeys(a.extras, o.extra);
  if (Object.keys(attrs).length) await api.updateAllocation(a, attrs);
}

export async function allocationRemove(ctx: Ctx, allocations: string[]): Promise<void> {
  const api = await bm(ctx);
  await forEachItem(ctx, allocations, 'allocation', 'delete', async (a) => {
    await api.deleteAllocation((await api.findAllocation(a)).uuid);
    ctx.note(`Deleted allocation ${a}`);
  });
}

// drivers

export async function driverList(ctx: Ctx, o: { type?: string; long?: boolean }): Promise<void> {
  const drivers = await (await bm(ctx))
    .listDrivers({ type: o.type, detail: o.long ? true : undefined })
    .toArray();
  const rows = drivers.map((d) => ({
    'Supported driver(s)': d.name,
    'Active host(s)': d.hosts,
    Type: d.type ?? null,
    'Default Boot Interface': d.defaultBootInterface ?? null,
    'Default Deploy Interface': d.defaultDeployInterface ?? null,
    'Default Power Interface': d.defaultPowerInterface ?? null,
  }));
  const cols = ['Supported driver(s)', 'Active host(s)'];
  await ctx.printList(
    rows,
    o.long
      ? [...cols, 'Type', 'Default Boot Interface', 'Default Deploy Interface', 'Default Power Interface']
      : cols,
  );
}

export async function driverShow(ctx: Ctx, driver: string): Promise<void> {
  const d = await (await bm(ctx)).getDriver(driver);
  await ctx.printOne(ironicRow(d.raw as Record<string, unknown>));
}

export async function driverProperties(ctx: Ctx, driver: string): Promise<void> {
  const props = await (await bm(ctx)).getDriverProperties(driver);
  const rows = Object.keys(props)
    .sort()
    .map((k) => ({ Property: k, Description: props[k] }));
  await ctx.printList(rows, ['Property', 'Description']);
}
