/** `ostack baremetal node ...` implementations. */
import type { NodeResource } from '../../services/baremetal/index.js';
import type { CliContext } from '../context.js';
import { dropKeys, ironicRow, mergePairs, waitOption } from './baremetal-common.js';
import { forEachItem, intOption } from './common.js';

type Ctx = CliContext;

async function bm(ctx: Ctx) {
  return (await ctx.connection('baremetal')).baremetal;
}

async function printNode(ctx: Ctx, n: NodeResource): Promise<void> {
  await ctx.printOne(ironicRow(n.raw as Record<string, unknown>));
}

export async function create(
  ctx: Ctx,
  o: {
    driver: string;
    name?: string;
    uuid?: string;
    chassisUuid?: string;
    driverInfo?: string[];
    property?: string[];
    extra?: string[];
    resourceClass?: string;
    networkInterface?: string;
    deployInterface?: string;
    owner?: string;
    description?: string;
  },
): Promise<void> {
  const node = await (await bm(ctx)).createNode({
    driver: o.driver,
    ...(o.name ? { name: o.name } : {}),
    ...(o.uuid ? { uuid: o.uuid } : {}),
    ...(o.chassisUuid ? { chassisUuid: o.chassisUuid } : {}),
    ...(o.driverInfo ? { driverInfo: mergePairs({}, o.driverInfo, '--driver-info') } : {}),
    ...(o.property ? { properties: mergePairs({}, o.property, '--property') } : {}),
    ...(o.extra ? { extras: mergePairs({}, o.extra, '--extra') } : {}),
    ...(o.resourceClass ? { resourceClass: o.resourceClass } : {}),
    ...(o.networkInterface ? { networkInterface: o.networkInterface } : {}),
    ...(o.deployInterface ? { deployInterface: o.deployInterface } : {}),
    ...(o.owner ? { owner: o.owner } : {}),
    ...(o.description ? { description: o.description } : {}),
  });
  await printNode(ctx, node);
}

export async function list(
  ctx: Ctx,
  o: {
    maintenance?: boolean;
    provisionState?: string;
    driver?: string;
    resourceClass?: string;
    owner?: string;
    limit?: string;
    long?: boolean;
  },
): Promise<void> {
  const limit = intOption(o.limit, '--limit');
  const rows: Record<string, unknown>[] = [];
  const nodes = (await bm(ctx)).listNodes({
    maintenance: o.maintenance,
    provisionState: o.provisionState,
    driver: o.driver,
    resourceClass: o.resourceClass,
    owner: o.owner,
  });
  for await (const n of nodes) {
    if (limit !== undefined && limit > 0 && rows.length >= limit) break;
    rows.push({
      UUID: n.uuid,
      Name: n.name,
      'Instance UUID': n.instanceUuid,
      'Power State': n.powerState,
      'Provisioning State': n.provisionState,
      Maintenance: n.maintenance,
      Driver: n.driver,
      'Resource Class': n.resourceClass ?? null,
      'Last Error': n.lastError ?? null,
      Description: n.description ?? null,
    });
  }
  const cols = ['UUID', 'Name', 'Instance UUID', 'Power State', 'Provisioning State', 'Maintenance'];
  await ctx.printList(
    rows,
    o.long ? [...cols, 'Driver', 'Resource Class', 'Last Error', 'Description'] : cols,
  );
}

export async function show(ctx: Ctx, node: string): Promise<void> {
  await printNode(ctx, await (await bm(ctx)).getNode(node));
}

type SetOptions = {
  name?: string;
  description?: string;
  driver?: string;
  resourceClass?: string;
  instanceUuid?: string;
  chassisUuid?: string;
  owner?: string;
  networkInterface?: string;
  deployInterface?: string;
  property?: string[];
  extra?: string[];
  driverInfo?: string[];
  instanceInfo?: string[];
};

export async function set(ctx: Ctx, node: string, o: SetOptions): Promise<void> {
  const api = await bm(ctx);
  const n = await api.getNode(node);
  const attrs: Record<string, unknown> = {};
  for (const k of [
    'name',
    'description',
    'driver',
    'resourceClass',
    'instanceUuid',
    'chassisUuid',
    'owner',
    'networkInterface',
    'deployInterface',
  ] as const) {
    if (o[k] !== undefined) attrs[k] = o[k];
  }
  if (o.property) attrs.properties = mergePairs(n.properties, o.property, '--property');
  if (o.extra) attrs.extras = mergePairs(n.extras, o.extra, '--extra');
  if (o.driverInfo) attrs.driverInfo = mergePairs(n.driverInfo, o.driverInfo, '--driver-info');
  if (o.instanceInfo) attrs.instanceInfo = mergePairs(n.instanceInfo, o.instanceInfo, '--instance-info');
  if (Object.keys(attrs).length) await api.updateNode(n, attrs);
}

export async function unset(
  ctx: Ctx,
  node: string,
  o: {
    name?: boolean;
    description?: boolean;
    resourceClass?: boolean;
    instanceUuid?: boolean;
    chassisUuid?: boolean;
    owner?: boolean;
    property?: string[];
    extra?: string[];
    driverInfo?: string[];
    instanceInfo?: string[];
  },
): Promise<void> {
  const api = await bm(ctx);
  const n = await api.getNode(node);
  const attrs: Record<string, unknown> = {};
  // null is a JSON Patch remove for ironic
  for (const k of ['name', 'description', 'resourceClass', 'instanceUuid', 'chassisUuid', 'owner'] as const) {
    if (o[k]) attrs[k] = null;
  }
  if (o.property) attrs.properties = dropKeys(n.properties, o.property);
  if (o.extra) attrs.extras = dropKeys(n.extras, o.extra);
  if (o.driverInfo) attrs.driverInfo = dropKeys(n.driverInfo, o.driverInfo);
  if (o.instanceInfo) attrs.instanceInfo = dropKeys(n.instanceInfo, o.instanceInfo);
  if (Object.keys(attrs).length) await api.updateNode(n, attrs);
}

export async function remove(ctx: Ctx, nodes: string[]): Promise<void> {
  const api = await bm(ctx);
  await forEachItem(ctx, nodes, 'node', 'delete', async (name) => {
    await api.deleteNode(name);
    ctx.note(`Deleted node ${name}`);
  });
}

type WaitFlag = { wait?: string | boolean };

export async function manage(ctx: Ctx, node: string, o: WaitFlag): Promise<void> {
  await (await bm(ctx)).manageNode(node, { wait: waitOption(o.wait) });
}
export async function provide(ctx: Ctx, node: string, o: WaitFlag): Promise<void> {
  await (await bm(ctx)).provideNode(node, { wait: waitOption(o.wait) });
}
export async function inspect(ctx: Ctx, node: string, o: WaitFlag): Promise<void> {
  await (await bm(ctx)).inspectNode(node, { wait: waitOption(o.wait) });
}
export async function undeploy(ctx: Ctx, node: string, o: WaitFlag): Promise<void> {
  await (await bm(ctx)).undeployNode(node, { wait: waitOption(o.wait) });
}
export async function unrescue(ctx: Ctx, node: string, o: WaitFlag): Promise<void> {
  await (await bm(ctx)).unrescueNode(node, { wait: waitOption(o.wait) });
}
export async function deploy(ctx: Ctx, node: string, o: WaitFlag & { configDrive?: string }): Promise<void> {
  const body = o.configDrive ? { configdrive: o.configDrive } : {};
  await (await bm(ctx)).deployNode(node, body, { wait: waitOption(o.wait) });
}
export async function rescue(
  ctx: Ctx,
  node: string,
  o: WaitFlag & { rescuePassword: string },
): Promise<void> {
  await (await bm(ctx)).rescueNode(node, o.rescuePassword, { wait: waitOption(o.wait) });
}

type PowerFlags = { soft?: boolean; powerTimeout?: string };

export async function powerOn(ctx: Ctx, node: string, o: PowerFlags): Promise<void> {
  await (await bm(ctx)).powerOnNode(node, { powerTimeout: intOption(o.powerTimeout, '--power-timeout') });
}
export async function powerOff(ctx: Ctx, node: string, o: PowerFlags): Promise<void> {
  await (await bm(ctx)).powerOffNode(node, {
    soft: o.soft,
    powerTimeout: intOption(o.powerTimeout, '--power-timeout'),
  });
}
export async function reboot(ctx: Ctx, node: string, o: PowerFlags): Promise<void> {
  await (await bm(ctx)).rebootNode(node, {
    soft: o.soft,
    powerTimeout: intOption(o.powerTimeout, '--power-timeout'),
  });
}

export async function maintenanceSet(ctx: Ctx, node: string, o: { reason?: string }): Promise<void> {
  await (await bm(ctx)).setNodeMaintenance(node, o.reason);
}
export async function maintenanceUnset(ctx: Ctx, node: string): Promise<void> {
  await (await bm(ctx)).unsetNodeMaintenance(node);
}

export async function validate(ctx: Ctx, node: string): Promise<void> {
  const v = await (await bm(ctx)).validateNode(node);
  const rows = Object.keys(v)
    .sort()
    .map((iface) => ({ Interface: iface, Result: v[iface]?.result ?? null, Reason: v[iface]?.reason ?? '' }));
  await ctx.printList(rows, ['Interface', 'Result', 'Reason']);
}

export async function traitList(ctx: Ctx, node: string): Promise<void> {
  const traits = await (await bm(ctx)).listNodeTraits(node);
  await ctx.printList(
    traits.map((t) => ({ Traits: t })),
    ['Traits'],
  );
}
export async function traitAdd(ctx: Ctx, node: string, traits: string[]): Promise<void> {
  const api = await bm(ctx);
  for (const t of traits) await api.addNodeTrait(node, t);
}
export async function traitRemove(
  ctx: Ctx,
  node: string,
  traits: string[],
  o: { all?: boolean },
): Promise<void> {
  const api = await bm(ctx);
  if (o.all) return api.setNodeTraits(node, []);
  await forEachItem(ctx, traits, 'trait', 'remove', (t) => api.removeNodeTrait(node, t));
}
