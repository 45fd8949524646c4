/** `ostack loadbalancer ...` implementations (octavia). */
import { ValidationError } from '../../errors/errors.js';
import type { ResourceBase } from '../../resource/instance.js';
import type { LoadBalancerV2 } from '../../services/load-balancer/index.js';
import type { CliContext } from '../context.js';
import type { Row } from '../output.js';
import { waitBar } from '../progress.js';
import { forEachItem, showRow } from './common.js';

type Lb = LoadBalancerV2;

const LB_COLUMNS = [
  'id',
  'name',
  'project_id',
  'vip_address',
  'provisioning_status',
  'operating_status',
  'provider',
];
const LISTENER_COLUMNS = [
  'id',
  'default_pool_id',
  'name',
  'project_id',
  'protocol',
  'protocol_port',
  'admin_state_up',
];
const POOL_COLUMNS = [
  'id',
  'name',
  'project_id',
  'provisioning_status',
  'protocol',
  'lb_algorithm',
  'admin_state_up',
];
const MEMBER_COLUMNS = [
  'id',
  'name',
  'project_id',
  'provisioning_status',
  'address',
  'protocol_port',
  'operating_status',
  'weight',
];
const HM_COLUMNS = ['id', 'name', 'project_id', 'type', 'admin_state_up'];
const L7POLICY_COLUMNS = [
  'id',
  'name',
  'project_id',
  'provisioning_status',
  'action',
  'position',
  'admin_state_up',
];
const L7RULE_COLUMNS = [
  'id',
  'project_id',
  'provisioning_status',
  'compare_type',
  'type',
  'key',
  'value',
  'invert',
  'admin_state_up',
];
const AMPHORA_COLUMNS = ['id', 'loadbalancer_id', 'status', 'role', 'lb_network_ip', 'ha_ip'];
const QUOTA_COLUMNS = [
  'project_id',
  'load_balancer',
  'listener',
  'pool',
  'health_monitor',
  'member',
  'l7policy',
  'l7rule',
];

/**
 * The API body of a resource, with API names as openstackclient prints them, without
 * `tenant_id` (a deprecated duplicate of `project_id` it hides too).
 */
function raw(r: ResourceBase<any>): Row {
  const { tenant_id: _tenant, ...rest } = r.raw as Row;
  return rest;
}

/** List rows. */
function rows(list: ResourceBase<any>[]): Row[] {
  return list.map((r) => raw(r));
}

/** `--enable` / `--disable` as `adminStateUp`, refusing both at once. */
function adminState(o: { enable?: boolean; disable?: boolean }): { adminStateUp?: boolean } {
  if (o.enable && o.disable) {
    throw new ValidationError('cannot both enable and disable', {
      field: '--enable/--disable',
      fix: 'pass one',
    });
  }
  if (o.enable) return { adminStateUp: true };
  if (o.disable) return { adminStateUp: false };
  return {};
}

/** An integer option (negative allowed: -1 means unlimited for quotas and connection limits). */
function int(v: string | undefined, option: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n))
    throw new ValidationError(`expected a whole number, got "${v}"`, { field: option });
  return n;
}

/** Drop undefined values, so that only the options given are sent. */
function given<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Wait for a provisioning status of ACTIVE with a progress bar; resolves with the fresh object. */
async function untilActive<R>(
  ctx: CliContext,
  label: string,
  wait: (o: { intervalMs: number; onPoll: (s: string | undefined, ms: number) => void }) => Promise<R>,
): Promise<R> {
  const bar = await waitBar(ctx, label);
  try {
    return await wait({
      intervalMs: 1000,
      onPoll: (status, ms) => bar.update(Math.min(95, Math.round(ms / 1000)), { status }),
    });
  } finally {
    bar.stop();
  }
}

async function lbApi(ctx: CliContext): Promise<Lb> {
  return (await ctx.connection('loadBalancer')).loadBalancer;
}

/** The top-level children of a load balancer that `<family> delete NAME...` removes the same way. */
type DeletableFamily = 'Listener' | 'Pool' | 'HealthMonitor' | 'L7Policy';

/** Find each by name or id, delete it, and with `--wait` wait until octavia has removed it. */
async function deleteEach(
  ctx: CliContext,
  names: string[],
  family: DeletableFamily,
  label: string,
  o: { wait?: boolean },
): Promise<void> {
  const lb = await lbApi(ctx);
  // one family's find/delete/waitForDelete verbs, typed by the first of them (they share shapes)
  const find = lb[`find${family}`].bind(lb) as Lb['findListener'];
  const del = lb[`delete${family}`].bind(lb) as Lb['deleteListener'];
  const gone = lb[`waitFor${family}Delete`].bind(lb) as Lb['waitForListenerDelete'];
  await forEachItem(ctx, names, label, 'delete', async (name) => {
    const id = (await find(name))!.id;
    await del(id);
    if (o.wait) await gone(id, { intervalMs: 1000 });
  });
}

async function findLb(lb: Lb, nameOrId: string): Promise<string> {
  return (await lb.findLoadBalancer(nameOrId))!.id;
}

// --- load balancers

export async function lbList(
  ctx: CliContext,
  o: {
    name?: string;
    provisioningStatus?: string;
    operatingStatus?: string;
    provider?: string;
    project?: string;
    vipAddress?: string;
    vipSubnetId?: string;
    vipNetworkId?: string;
  },
): Promise<void> {
  const lb = await lbApi(ctx);
  const list = await lb
    .listLoadBalancers(
      given({
        name: o.name,
        provisioningStatus: o.provisioningStatus,
        operatingStatus: o.operatingStatus,
        provider: o.provider,
        projectId: o.project,
        vipAddress: o.vipAddress,
        vipSubnetId: o.vipSubnetId,
        vipNetworkId: o.vipNetworkId,
      }),
    )
    .toArray();
  await ctx.printList(rows(list), LB_COLUMNS);
}

export async function lbShow(ctx: CliContext, nameOrId: string): Promise<void> {
  const lb = await lbApi(ctx);
  await ctx.printOne(showRow(raw((await lb.findLoadBalancer(nameOrId))!)));
}

export async function lbCreate(
  ctx: CliContext,
  o: {
    name?: string;
    description?: string;
    vipAddress?: string;
    vipPortId?: string;
    vipSubnetId?: string;
    vipNetworkId?: string;
    vipQosPolicyId?: string;
    project?: string;
    provider?: string;
    availabilityZone?: string;
    flavor?: string;
    tag?: string[];
    enable?: boolean;
    disable?: boolean;
    wait?: boolean;
  },
): Promise<void> {
  if (!o.vipSubnetId && !o.vipNetworkId && !o.vipPortId) {
    throw new ValidationError('no VIP location given', {
      field: '--vip-subnet-id',
      fix: 'pass --vip-subnet-id, --vip-network-id or --vip-port-id',
    });
  }
  const lb = await lbApi(ctx);
  const flavorId = o.flavor ? (await lb.findFlavor(o.flavor))!.id : undefined;
  let created = await lb.createLoadBalancer(
    given({
      name: o.name,
      description: o.description,
      vipAddress: o.vipAddress,
      vipPortId: o.vipPortId,
      vipSubnetId: o.vipSubnetId,
      vipNetworkId: o.vipNetworkId,
      vipQosPolicyId: o.vipQosPolicyId,
      projectId: o.project,
      provider: o.provider,
      availabilityZone: o.availabilityZone,
      flavorId,
      tags: o.tag,
      ...adminState(o),
    }),
  );
  if (o.wait) {
    created = await untilActive(ctx, `load balancer ${created.name || created.id}`, (w) =>
      lb.waitForLoadBalancer(created.id, 'ACTIVE', w),
    );
  }
  await ctx.printOne(showRow(raw(created)));
}

export async function lbSet(
  ctx: CliContext,
  nameOrId: string,
  o: {
    name?: string;
    description?: string;
    vipQosPolicyId?: string;
    enable?: boolean;
    disable?: boolean;
    wait?: boolean;
  },
): Promise<void> {
  const lb = await lbApi(ctx);
  const id = await findLb(lb, nameOrId);
  await lb.updateLoadBalancer(
    id,
    given({ name: o.name, description: o.description, vipQosPolicyId: o.vipQosPolicyId, ...adminState(o) }),
  );
  if (o.wait)
    await untilActive(ctx, `load balancer ${nameOrId}`, (w) => lb.waitForLoadBalancer(id, 'ACTIVE', w));
}

export async function lbDelete(
  ctx: CliContext,
  names: string[],
  o: { cascade?: boolean; wait?: boolean },
): Promise<void> {
  const lb = await lbApi(ctx);
  await forEachItem(ctx, names, 'load balancer', 'delete', async (name) => {
    const id = await findLb(lb, name);
    await lb.deleteLoadBalancer(id, { cascade: o.cascade });
    if (o.wait) await lb.waitForLoadBalancerDelete(id, { intervalMs: 1000 });
  });
}

export async function lbFailover(ctx: CliContext, nameOrId: string, o: { wait?: boolean }): Promise<void> {
  const lb = await lbApi(ctx);
  const id = await findLb(lb, nameOrId);
  await lb.failoverLoadBalancer(id);
  if (o.wait)
    await untilActive(ctx, `load balancer ${nameOrId}`, (w) => lb.waitForLoadBalancer(id, 'ACTIVE', w));
}

export async function lbStats(ctx: CliContext, nameOrId: string): Promise<void> {
  const lb = await lbApi(ctx);
  await ctx.printOne(showRow({ ...(await lb.getLoadBalancerStats(await findLb(lb, nameOrId))) }));
}

export async function lbStatus(ctx: CliContext, nameOrId: string): Promise<void> {
  const lb = await lbApi(ctx);
  const tree = await lb.getLoadBalancerStatuses(await findLb(lb, nameOrId));
  ctx.out.write(`${JSON.stringify({ loadbalancer: tree }, null, 4)}\n`);
}

// --- listeners

export async function listenerList(
  ctx: CliContext,
  o: { name?: string; loadbalancer?: string; protocol?: string },
): Promise<void> {
  const lb = await lbApi(ctx);
  const loadbalancerId = o.loadbalancer ? await findLb(lb, o.loadbalancer) : undefined;
  const list = await lb
    .listListeners(given({ name: o.name, loadbalancerId, protocol: o.protocol }))
    .toArray();
  await ctx.printList(rows(list), LISTENER_COLUMNS);
}

export async function listenerShow(ctx: CliContext, nameOrId: string): Promise<void> {
  const lb = await lbApi(ctx);
  await ctx.printOne(showRow(raw((await lb.findListener(nameOrId))!)));
}

export async function listenerCreate(
  ctx: CliContext,
  loadbalancer: string,
  o: {
    protocol: string;
    protocolPort: string;
    name?: string;
    description?: string;
    connectionLimit?: string;
    defaultPool?: string;
    tag?: string[];
    enable?: boolean;
    disable?: boolean;
    wait?: boolean;
  },
): Promise<void> {
  const lb = await lbApi(ctx);
  const loadbalancerId = await findLb(lb, loadbalancer);
  const defaultPoolId = o.defaultPool ? (await lb.findPool(o.defaultPool))!.id : undefined;
  let listener = await lb.createListener(
    given({
      loadbalancerId,
      protocol: o.protocol,
      protocolPort: int(o.protocolPort, '--protocol-port')!,
      name: o.name,
      description: o.description,
      connectionLimit: int(o.connectionLimit, '--connection-limit'),
      defaultPoolId,
      tags: o.tag,
      ...adminState(o),
    }) as Parameters<Lb['createListener']>[0],
  );
  if (o.wait) {
    listener = await untilActive(ctx, `listener ${listener.name || listener.id}`, (w) =>
      lb.waitForListener(listener.id, 'ACTIVE', w),
    );
  }
  await ctx.printOne(showRow(raw(listener)));
}

export async function listenerSet(
  ctx: CliContext,
  nameOrId: string,
  o: {
    name?: string;
    description?: string;
    connectionLimit?: string;
    defaultPool?: string;
    enable?: boolean;
    disable?: boolean;
    wait?: boolean;
  },
): Promise<void> {
  const lb = await lbApi(ctx);
  const id = (await lb.findListener(nameOrId))!.id;
  const defaultPoolId = o.defaultPool ? (await lb.findPool(o.defaultPool))!.id : undefined;
  await lb.updateListener(
    id,
    given({
      name: o.name,
      description: o.description,
      connectionLimit: int(o.connectionLimit, '--connection-limit'),
      defaultPoolId,
      ...adminState(o),
    }),
  );
  if (o.wait) await untilActive(ctx, `listener ${nameOrId}`, (w) => lb.waitForListener(id, 'ACTIVE', w));
}

export async function listenerDelete(ctx: CliContext, names: string[], o: { wait?: boolean }): Promise<void> {
  await deleteEach(ctx, names, 'Listener', 'listener', o);
}

export async function listenerStats(ctx: CliContext, nameOrId: string): Promise<void> {
  const lb = await lbApi(ctx);
  const id = (await lb.findListener(nameOrId))!.id;
  await ctx.printOne(showRow({ ...(await lb.getListenerStats(id)) }));
}

// --- pools

export async function poolList(ctx: CliContext, o: { loadbalancer?: string }): Promise<void> {
  const lb = await lbApi(ctx);
  const loadbalancerId = o.loadbalancer ? await findLb(lb, o.loadbalancer) : undefined;
  await ctx.printList(rows(await lb.listPools(given({ loadbalancerId })).toArray()), POOL_COLUMNS);
}

export async function poolShow(ctx: CliContext, nameOrId: string): Promise<void> {
  const lb = await lbApi(ctx);
  await ctx.printOne(showRow(raw((await lb.findPool(nameOrId))!)));
}

/** `type=HTTP_COOKIE,cookie_name=x` as a session persistence object. */
function sessionPersistence(v: string | undefined): { type: string; cookie_name?: string } | undefined {
  if (v === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const part of v.split(',')) {
    const i = part.indexOf('=');
    if (i <= 0) {
      throw new ValidationError(`expected key=value pairs, got "${part}"`, {
        field: '--session-persistence',
        fix: '--session-persistence type=APP_COOKIE,cookie_name=SESSION',
      });
    }
    out[part.slice(0, i)] = part.slice(i + 1);
  }
  if (!out.type) {
    throw new ValidationError('type is required', {
      field: '--session-persistence',
      fix: 'add type=SOURCE_IP',
    });
  }
  return out as { type: string; cookie_name?: string };
}

export async function poolCreate(
  ctx: CliContext,
  o: {
    protocol: string;
    lbAlgorithm: string;
    listener?: string;
    loadbalancer?: string;
    name?: string;
    description?: string;
    sessionPersistence?: string;
    tag?: string[];
    enable?: boolean;
    disable?: boolean;
    wait?: boolean;
  },
): Promise<void> {
  if (!o.listener && !o.loadbalancer) {
    throw new ValidationError('a pool needs a listener or a load balancer', {
      field: '--listener',
      fix: 'pass --listener or --loadbalancer',
    });
  }
  const lb = await lbApi(ctx);
  const listenerId = o.listener ? (await lb.findListener(o.listener))!.id : undefined;
  const loadbalancerId = o.loadbalancer ? await findLb(lb, o.loadbalancer) : undefined;
  let pool = await lb.createPool(
    given({
      protocol: o.protocol,
      lbAlgorithm: o.lbAlgorithm,
      listenerId,
      loadbalancerId,
      name: o.name,
      description: o.description,
      sessionPersistence: sessionPersistence(o.sessionPersistence),
      tags: o.tag,
      ...adminState(o),
    }) as Parameters<Lb['createPool']>[0],
  );
  if (o.wait) {
    pool = await untilActive(ctx, `pool ${pool.name || pool.id}`, (w) =>
      lb.waitForPool(pool.id, 'ACTIVE', w),
    );
  }
  await ctx.printOne(showRow(raw(pool)));
}

export async function poolSet(
  ctx: CliContext,
  nameOrId: string,
  o: {
    name?: string;
    description?: string;
    lbAlgorithm?: string;
    enable?: boolean;
    disable?: boolean;
    wait?: boolean;
  },
): Promise<void> {
  const lb = await lbApi(ctx);
  const id = (await lb.findPool(nameOrId))!.id;
  await lb.updatePool(
    id,
    given({ name: o.name, description: o.description, lbAlgorithm: o.lbAlgorithm, ...adminState(o) }),
  );
  if (o.wait) await untilActive(ctx, `pool ${nameOrId}`, (w) => lb.waitForPool(id, 'ACTIVE', w));
}

export async function poolDelete(ctx: CliContext, names: string[], o: { wait?: boolean }): Promise<void> {
  await deleteEach(ctx, names, 'Pool', 'pool', o);
}

// --- members

async function poolParent(lb: Lb, pool: string): Promise<{ poolId: string }> {
  return { poolId: (await lb.findPool(pool))!.id };
}

export async function memberList(ctx: CliContext, pool: string): Promise<void> {
  const lb = await lbApi(ctx);
  const parent = await poolParent(lb, pool);
  await ctx.printList(rows(await lb.listMembers({}, { parent }).toArray()), MEMBER_COLUMNS);
}

export async function memberShow(ctx: CliContext, pool: string, member: string): Promise<void> {
  const lb = await lbApi(ctx);
  const parent = await poolParent(lb, pool);
  await ctx.printOne(showRow(raw((await lb.findMember(member, { parent }))!)));
}

export async function memberCreate(
  ctx: CliContext,
  pool: string,
  o: {
    address: string;
    protocolPort: string;
    name?: string;
    weight?: string;
    subnetId?: string;
    monitorAddress?: string;
    monitorPort?: string;
    enableBackup?: boolean;
    tag?: string[];
    enable?: boolean;
    disable?: boolean;
    wait?: boolean;
  },
): Promise<void> {
  const lb = await lbApi(ctx);
  const parent = await poolParent(lb, pool);
  let member = await lb.createMember(
    given({
      address: o.address,
      protocolPort: int(o.protocolPort, '--protocol-port')!,
      name: o.name,
      weight: int(o.weight, '--weight'),
      subnetId: o.subnetId,
      monitorAddress: o.monitorAddress,
      monitorPort: int(o.monitorPort, '--monitor-port'),
      backup: o.enableBackup ? true : undefined,
      tags: o.tag,
      ...adminState(o),
    }) as Parameters<Lb['createMember']>[0],
    { parent },
  );
  if (o.wait) {
    member = await untilActive(ctx, `member ${member.address}`, (w) =>
      lb.waitForMember(member.id, 'ACTIVE', { ...w, parent }),
    );
  }
  await ctx.printOne(showRow(raw(member)));
}

export async function memberSet(
  ctx: CliContext,
  pool: string,
  member: string,
  o: {
    name?: string;
    weight?: string;
    enableBackup?: boolean;
    disableBackup?: boolean;
    enable?: boolean;
    disable?: boolean;
    wait?: boolean;
  },
): Promise<void> {
  const lb = await lbApi(ctx);
  const parent = await poolParent(lb, pool);
  const id = (await lb.findMember(member, { parent }))!.id;
  const backup = o.enableBackup ? true : o.disableBackup ? false : undefined;
  await lb.updateMember(
    id,
    given({ name: o.name, weight: int(o.weight, '--weight'), backup, ...adminState(o) }),
    {
      parent,
    },
  );
  if (o.wait)
    await untilActive(ctx, `member ${member}`, (w) => lb.waitForMember(id, 'ACTIVE', { ...w, parent }));
}

export async function memberDelete(
  ctx: CliContext,
  pool: string,
  member: string,
  o: { wait?: boolean },
): Promise<void> {
  const lb = await lbApi(ctx);
  const parent = await poolParent(lb, pool);
  const id = (await lb.findMember(member, { parent }))!.id;
  await lb.deleteMember(id, { parent });
  if (o.wait) await lb.waitForMemberDelete(id, { intervalMs: 1000, parent });
}

// --- health monitors

/**
 * The monitor's `--timeout`. ostack's global `--timeout` (seconds per request) has the same
 * name and commander gives it to the program, so the value is taken from there and the global
 * one dropped: a 3 s check timeout must not also become a 3 s request timeout.
 */
function monitorTimeout(ctx: CliContext, o: { monitorTimeout?: string }): number | undefined {
  const v = o.monitorTimeout ?? ctx.opts.timeout;
  if (o.monitorTimeout === undefined) ctx.opts.timeout = undefined;
  return int(v, '--timeout');
}

export async function hmList(ctx: CliContext): Promise<void> {
  const lb = await lbApi(ctx);
  await ctx.printList(rows(await lb.listHealthMonitors().toArray()), HM_COLUMNS);
}

export async function hmShow(ctx: CliContext, nameOrId: string): Promise<void> {
  const lb = await lbApi(ctx);
  await ctx.printOne(showRow(raw((await lb.findHealthMonitor(nameOrId))!)));
}

export async function hmCreate(
  ctx: CliContext,
  pool: string,
  o: {
    delay: string;
    monitorTimeout?: string;
    maxRetries: string;
    type: string;
    maxRetriesDown?: string;
    urlPath?: string;
    httpMethod?: string;
    expectedCodes?: string;
    name?: string;
    enable?: boolean;
    disable?: boolean;
    wait?: boolean;
  },
): Promise<void> {
  const timeout = monitorTimeout(ctx, o);
  if (timeout === undefined) {
    throw new ValidationError('is required', { field: '--timeout', fix: 'pass --timeout <seconds>' });
  }
  const lb = await lbApi(ctx);
  const poolId = (await lb.findPool(pool))!.id;
  let hm = await lb.createHealthMonitor(
    given({
      poolId,
      type: o.type,
      delay: int(o.delay, '--delay')!,
      timeout,
      maxRetries: int(o.maxRetries, '--max-retries')!,
      maxRetriesDown: int(o.maxRetriesDown, '--max-retries-down'),
      urlPath: o.urlPath,
      httpMethod: o.httpMethod,
      expectedCodes: o.expectedCodes,
      name: o.name,
      ...adminState(o),
    }) as Parameters<Lb['createHealthMonitor']>[0],
  );
  if (o.wait) {
    hm = await untilActive(ctx, `health monitor ${hm.name || hm.id}`, (w) =>
      lb.waitForHealthMonitor(hm.id, 'ACTIVE', w),
    );
  }
  await ctx.printOne(showRow(raw(hm)));
}

export async function hmSet(
  ctx: CliContext,
  nameOrId: string,
  o: {
    name?: string;
    delay?: string;
    monitorTimeout?: string;
    maxRetries?: string;
    urlPath?: string;
    httpMethod?: string;
    expectedCodes?: string;
    enable?: boolean;
    disable?: boolean;
    wait?: boolean;
  },
): Promise<void> {
  const timeout = monitorTimeout(ctx, o);
  const lb = await lbApi(ctx);
  const id = (await lb.findHealthMonitor(nameOrId))!.id;
  await lb.updateHealthMonitor(
    id,
    given({
      name: o.name,
      delay: int(o.delay, '--delay'),
      timeout,
      maxRetries: int(o.maxRetries, '--max-retries'),
      urlPath: o.urlPath,
      httpMethod: o.httpMethod,
      expectedCodes: o.expectedCodes,
      ...adminState(o),
    }),
  );
  if (o.wait)
    await untilActive(ctx, `health monitor ${nameOrId}`, (w) => lb.waitForHealthMonitor(id, 'ACTIVE', w));
}

export async function hmDelete(ctx: CliContext, names: string[], o: { wait?: boolean }): Promise<void> {
  await deleteEach(ctx, names, 'HealthMonitor', 'health monitor', o);
}

// --- L7 policies and rules

export async function l7policyList(ctx: CliContext, o: { listener?: string }): Promise<void> {
  const lb = await lbApi(ctx);
  const listenerId = o.listener ? (await lb.findListener(o.listener))!.id : undefined;
  await ctx.printList(rows(await lb.listL7Policies(given({ listenerId })).toArray()), L7POLICY_COLUMNS);
}

export async function l7policyShow(ctx: CliContext, nameOrId: string): Promise<void> {
  const lb = await lbApi(ctx);
  await ctx.printOne(showRow(raw((await lb.findL7Policy(nameOrId))!)));
}

interface L7PolicyOptions {
  action?: string;
  redirectPool?: string;
  redirectUrl?: string;
  redirectPrefix?: string;
  redirectHttpCode?: string;
  position?: string;
  name?: string;
  description?: string;
  enable?: boolean;
  disable?: boolean;
  wait?: boolean;
}

async function l7policyAttrs(lb: Lb, o: L7PolicyOptions) {
  const redirectPoolId = o.redirectPool ? (await lb.findPool(o.redirectPool))!.id : undefined;
  return given({
    action: o.action,
    redirectPoolId,
    redirectUrl: o.redirectUrl,
    redirectPrefix: o.redirectPrefix,
    redirectHttpCode: int(o.redirectHttpCode, '--redirect-http-code'),
    position: int(o.position, '--position'),
    name: o.name,
    description: o.description,
    ...adminState(o),
  });
}

export async function l7policyCreate(ctx: CliContext, listener: string, o: L7PolicyOptions): Promise<void> {
  const lb = await lbApi(ctx);
  const listenerId = (await lb.findListener(listener))!.id;
  let policy = await lb.createL7Policy({ listenerId, ...(await l7policyAttrs(lb, o)) } as Parameters<
    Lb['createL7Policy']
  >[0]);
  if (o.wait) {
    policy = await untilActive(ctx, `l7policy ${policy.name || policy.id}`, (w) =>
      lb.waitForL7Policy(policy.id, 'ACTIVE', w),
    );
  }
  await ctx.printOne(showRow(raw(policy)));
}

export async function l7policySet(ctx: CliContext, nameOrId: string, o: L7PolicyOptions): Promise<void> {
  const lb = await lbApi(ctx);
  const id = (await lb.findL7Policy(nameOrId))!.id;
  await lb.updateL7Policy(id, await l7policyAttrs(lb, o));
  if (o.wait) await untilActive(ctx, `l7policy ${nameOrId}`, (w) => lb.waitForL7Policy(id, 'ACTIVE', w));
}

export async function l7policyDelete(ctx: CliContext, names: string[], o: { wait?: boolean }): Promise<void> {
  await deleteEach(ctx, names, 'L7Policy', 'l7policy', o);
}

async function policyParent(lb: Lb, policy: string): Promise<{ l7policyId: string }> {
  return { l7policyId: (await lb.findL7Policy(policy))!.id };
}

export async function l7ruleList(ctx: CliContext, policy: string): Promise<void> {
  const lb = await lbApi(ctx);
  const parent = await policyParent(lb, policy);
  await ctx.printList(rows(await lb.listL7Rules({}, { parent }).toArray()), L7RULE_COLUMNS);
}

export async function l7ruleShow(ctx: CliContext, policy: string, rule: string): Promise<void> {
  const lb = await lbApi(ctx);
  const parent = await policyParent(lb, policy);
  await ctx.printOne(showRow(raw(await lb.getL7Rule(rule, { parent }))));
}

interface L7RuleOptions {
  compareType?: string;
  type?: string;
  value?: string;
  key?: string;
  invert?: boolean;
  enable?: boolean;
  disable?: boolean;
  wait?: boolean;
}

function l7ruleAttrs(o: L7RuleOptions) {
  return given({
    compareType: o.compareType,
    type: o.type,
    value: o.value,
    key: o.key,
    invert: o.invert,
    ...adminState(o),
  });
}

export async function l7ruleCreate(ctx: CliContext, policy: string, o: L7RuleOptions): Promise<void> {
  const lb = await lbApi(ctx);
  const parent = await policyParent(lb, policy);
  let rule = await lb.createL7Rule(l7ruleAttrs(o) as Parameters<Lb['createL7Rule']>[0], { parent });
  if (o.wait) {
    rule = await untilActive(ctx, `l7rule ${rule.id}`, (w) =>
      lb.waitForL7Rule(rule.id, 'ACTIVE', { ...w, parent }),
    );
  }
  await ctx.printOne(showRow(raw(rule)));
}

export async function l7ruleSet(
  ctx: CliContext,
  policy: string,
  rule: string,
  o: L7RuleOptions,
): Promise<void> {
  const lb = await lbApi(ctx);
  const parent = await policyParent(lb, policy);
  await lb.updateL7Rule(rule, l7ruleAttrs(o), { parent });
  if (o.wait)
    await untilActive(ctx, `l7rule ${rule}`, (w) => lb.waitForL7Rule(rule, 'ACTIVE', { ...w, parent }));
}

export async function l7ruleDelete(
  ctx: CliContext,
  policy: string,
  rule: string,
  o: { wait?: boolean },
): Promise<void> {
  const lb = await lbApi(ctx);
  const parent = await policyParent(lb, policy);
  await lb.deleteL7Rule(rule, { parent });
  if (o.wait) await lb.waitForL7RuleDelete(rule, { intervalMs: 1000, parent });
}

// --- amphorae, providers, quotas

export async function amphoraList(
  ctx: CliContext,
  o: { loadbalancer?: string; status?: string; role?: string },
): Promise<void> {
  const lb = await lbApi(ctx);
  const loadbalancerId = o.loadbalancer ? await findLb(lb, o.loadbalancer) : undefined;
  const list = await lb.listAmphorae(given({ loadbalancerId, status: o.status, role: o.role })).toArray();
  await ctx.printList(rows(list), AMPHORA_COLUMNS);
}

export async function amphoraShow(ctx: CliContext, id: string): Promise<void> {
  const lb = await lbApi(ctx);
  await ctx.printOne(showRow(raw(await lb.getAmphora(id))));
}

export async function amphoraFailover(ctx: CliContext, id: string): Promise<void> {
  await (await lbApi(ctx)).failoverAmphora(id);
}

export async function providerList(ctx: CliContext): Promise<void> {
  const lb = await lbApi(ctx);
  await ctx.printList(rows(await lb.listProviders().toArray()), ['name', 'description']);
}

export async function providerCapabilities(
  ctx: CliContext,
  provider: string,
  o: { flavor?: boolean; availabilityZone?: boolean },
): Promise<void> {
  const lb = await lbApi(ctx);
  const both = !o.flavor && !o.availabilityZone;
  const out: Row[] = [];
  if (o.flavor || both) {
    for (const c of await lb.listProviderFlavorCapabilities(provider)) out.push({ type: 'flavor', ...c });
  }
  if (o.availabilityZone || both) {
    for (const c of await lb.listProviderAvailabilityZoneCapabilities(provider)) {
      out.push({ type: 'availability_zone', ...c });
    }
  }
  await ctx.printList(out, ['type', 'name', 'description']);
}

/** A project name or id as an id (the quota API takes ids only). */
async function projectId(ctx: CliContext, project: string): Promise<string> {
  if (/^[0-9a-f]{32}$/i.test(project)) return project;
  const conn = await ctx.connection('identity');
  return (await conn.identity.findProject(project))!.id;
}

export async function quotaList(ctx: CliContext, o: { project?: string }): Promise<void> {
  const lb = await lbApi(ctx);
  const query = o.project ? { projectId: await projectId(ctx, o.project) } : {};
  await ctx.printList(rows(await lb.listQuotas(query).toArray()), QUOTA_COLUMNS);
}

/** A quota body without the deprecated duplicates octavia still sends. */
function quotaRow(body: Row): Row {
  const { loadbalancer: _l, healthmonitor: _h, tenant_id: _t, ...rest } = body;
  return showRow(rest);
}

export async function quotaShow(ctx: CliContext, project: string): Promise<void> {
  const lb = await lbApi(ctx);
  await ctx.printOne(quotaRow(raw(await lb.getQuota(await projectId(ctx, project)))));
}

export async function quotaDefaults(ctx: CliContext): Promise<void> {
  const lb = await lbApi(ctx);
  await ctx.printOne(showRow({ ...(await lb.getQuotaDefaults()) }));
}

export async function quotaSet(
  ctx: CliContext,
  project: string,
  o: {
    loadbalancer?: string;
    listener?: string;
    pool?: string;
    member?: string;
    healthmonitor?: string;
    l7policy?: string;
    l7rule?: string;
  },
): Promise<void> {
  const attrs = given({
    loadBalancer: int(o.loadbalancer, '--loadbalancer'),
    listener: int(o.listener, '--listener'),
    pool: int(o.pool, '--pool'),
    member: int(o.member, '--member'),
    healthMonitor: int(o.healthmonitor, '--healthmonitor'),
    l7policy: int(o.l7policy, '--l7policy'),
    l7rule: int(o.l7rule, '--l7rule'),
  });
  if (Object.keys(attrs).length === 0) {
    throw new ValidationError('nothing to set', {
      field: 'quota set',
      fix: 'pass --loadbalancer, --listener, ...',
    });
  }
  const lb = await lbApi(ctx);
  await ctx.printOne(quotaRow(raw(await lb.updateQuota(await projectId(ctx, project), attrs))));
}

export async function quotaReset(ctx: CliContext, project: string): Promise<void> {
  const lb = await lbApi(ctx);
  await lb.deleteQuota(await projectId(ctx, project));
}
