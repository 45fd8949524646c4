/**
 * `conn.cloud.createLoadBalancer`: a working load balancer in one call: the load balancer,
 * then optionally a listener, a pool, its members and a health monitor. Octavia provisions
 * each step asynchronously and refuses the next change while the load balancer is
 * `PENDING_UPDATE`, so every step waits for the new object and the load balancer to be
 * `ACTIVE` again. When a step fails, the load balancer is deleted with `cascade` (which takes
 * everything created under it along) and the original error is rethrown.
 */
import { ResourceFailureError, ValidationError } from '../errors/errors.js';
import type { RequestOptions } from '../resource/instance.js';
import type { WaitOptions } from '../resource/waiters.js';
import type {
  HealthMonitorResource,
  ListenerResource,
  LoadBalancerResource,
  MemberResource,
  PoolResource,
} from '../services/load-balancer/index.js';
import type { CloudConnection } from './cloud-connection.js';
import { type CreatedResource, Rollback } from './created.js';

/** The listener of {@link createLoadBalancer}. */
export interface LoadBalancerListenerSpec {
  /** `HTTP`, `HTTPS`, `TERMINATED_HTTPS`, `TCP`, `UDP` or `SCTP`. */
  protocol: string;
  /** The port it listens on (1-65535). */
  protocolPort: number;
  /** Its name (default: the load balancer's name + `-listener`). */
  name?: string;
}

/** The pool of {@link createLoadBalancer} (the listener's default pool). */
export interface LoadBalancerPoolSpec {
  /** The protocol to the members (default: the listener's). */
  protocol?: string;
  /** `ROUND_ROBIN` (default), `LEAST_CONNECTIONS`, `SOURCE_IP` or `SOURCE_IP_PORT`. */
  lbAlgorithm?: string;
  /** Its name (default: the load balancer's name + `-pool`). */
  name?: string;
}

/** One member of {@link createLoadBalancer}'s pool. */
export interface LoadBalancerMemberSpec {
  /** The backend's IP address. */
  address: string;
  /** The backend's port. */
  protocolPort: number;
  /** The subnet the address is on (default: reached through the VIP network). */
  subnetId?: string;
  /** Relative share of connections (default 1). */
  weight?: number;
  /** Its name. */
  name?: string;
}

/** The health monitor of {@link createLoadBalancer}'s pool. */
export interface LoadBalancerMonitorSpec {
  /** `HTTP`, `HTTPS`, `PING`, `TCP`, `TLS-HELLO`, `UDP-CONNECT` or `SCTP`. */
  type: string;
  /** Seconds between checks (default 5). */
  delay?: number;
  /** Seconds a check may take (default 3). */
  timeout?: number;
  /** Successes that bring a member back (default 3). */
  maxRetries?: number;
  /** HTTP checks: the path (default `/`). */
  urlPath?: string;
}

/** The steps of {@link createLoadBalancer}, in order. */
export type CreateLoadBalancerStage = 'load-balancer' | 'listener' | 'pool' | 'member' | 'health-monitor';

/** Options of {@link createLoadBalancer}. */
export interface CreateLoadBalancerOptions extends RequestOptions {
  /** The load balancer's name. */
  name: string;
  /** The subnet for the VIP (give this, `vipNetworkId` or `vipPortId`). */
  vipSubnetId?: string;
  /** The network for the VIP. */
  vipNetworkId?: string;
  /** An existing port to use as the VIP. */
  vipPortId?: string;
  /** The provider driver (default: the cloud's). */
  provider?: string;
  /** An octavia flavor id. */
  flavorId?: string;
  /** A description. */
  description?: string;
  /** A listener to create on it. */
  listener?: LoadBalancerListenerSpec;
  /** A pool to create behind the listener (needs `listener`). */
  pool?: LoadBalancerPoolSpec;
  /** Members to add to the pool (need `pool`). */
  members?: LoadBalancerMemberSpec[];
  /** A health monitor for the pool (needs `pool`). */
  healthMonitor?: LoadBalancerMonitorSpec;
  /** How to wait for each step (poll interval, timeout per step; default 2 s and 10 min). */
  wait?: Omit<WaitOptions, 'signal'>;
  /** Called after each step is ACTIVE, with the step and the new object's id. */
  onProgress?: (stage: CreateLoadBalancerStage, id: string) => void;
}

/** What {@link createLoadBalancer} built, every object `ACTIVE`. */
export interface CreatedLoadBalancer {
  /** The load balancer, as it was once the last step was done. */
  loadBalancer: LoadBalancerResource;
  /** The listener, when one was asked for. */
  listener?: ListenerResource;
  /** The pool, when one was asked for. */
  pool?: PoolResource;
  /** The members, in the order given. */
  members: MemberResource[];
  /** The health monitor, when one was asked for. */
  healthMonitor?: HealthMonitorResource;
  /** What this call created (the load balancer; the rest is under it). */
  created: CreatedResource[];
}

function checkPort(field: string, port: unknown): void {
  if (!Number.isInteger(port) || (port as number) < 1 || (port as number) > 65535) {
    throw new ValidationError(`must be an integer from 1 to 65535, got ${JSON.stringify(port)}`, {
      field,
      fix: 'pass the TCP/UDP port number',
    });
  }
}

/** Refuse inconsistent input before anything is created. */
function validate(o: CreateLoadBalancerOptions): void {
  if (typeof o.name !== 'string' || !o.name) {
    throw new ValidationError('is required', {
      field: 'createLoadBalancer.name',
      fix: 'name the load balancer',
    });
  }
  if (!o.vipSubnetId && !o.vipNetworkId && !o.vipPortId) {
    throw new ValidationError('no VIP location given', {
      field: 'createLoadBalancer.vipSubnetId',
      fix: 'pass vipSubnetId, vipNetworkId or vipPortId',
    });
  }
  if (o.listener) checkPort('createLoadBalancer.listener.protocolPort', o.listener.protocolPort);
  if (o.pool && !o.listener) {
    throw new ValidationError('a pool needs a listener here', {
      field: 'createLoadBalancer.pool',
      fix: 'add `listener`, or create the pool afterwards with conn.loadBalancer.createPool',
    });
  }
  if (o.members?.length && !o.pool) {
    throw new ValidationError('members need a pool', {
      field: 'createLoadBalancer.members',
      fix: 'add `pool`',
    });
  }
  if (o.healthMonitor && !o.pool) {
    throw new ValidationError('a health monitor needs a pool', {
      field: 'createLoadBalancer.healthMonitor',
      fix: 'add `pool`',
    });
  }
  o.members?.forEach((m, i) => {
    if (typeof m.address !== 'string' || !m.address) {
      throw new ValidationError('is required', { field: `createLoadBalancer.members[${i}].address` });
    }
    checkPort(`createLoadBalancer.members[${i}].protocolPort`, m.protocolPort);
  });
}

/**
 * Create a load balancer and, as asked, a listener, a pool, members and a health monitor,
 * waiting for `ACTIVE` after each step; on failure the load balancer is deleted with cascade.
 */
export async function createLoadBalancer(
  conn: CloudConnection,
  opts: CreateLoadBalancerOptions,
): Promise<CreatedLoadBalancer> {
  validate(opts);
  const {
    name,
    vipSubnetId,
    vipNetworkId,
    vipPortId,
    provider,
    flavorId,
    description,
    listener: listenerSpec,
    pool: poolSpec,
    members: memberSpecs = [],
    healthMonitor: monitorSpec,
    wait = {},
    onProgress,
    ...request
  } = opts;
  const lbApi = conn.loadBalancer;
  const waitOpts = { ...wait, ...request };
  const undo = new Rollback();
  return undo.guard(async () => {
    let lb = await lbApi.createLoadBalancer(
      {
        name,
        ...(vipSubnetId ? { vipSubnetId } : {}),
        ...(vipNetworkId ? { vipNetworkId } : {}),
        ...(vipPortId ? { vipPortId } : {}),
        ...(provider ? { provider } : {}),
        ...(flavorId ? { flavorId } : {}),
        ...(description ? { description } : {}),
      },
      request,
    );
    const lbId = lb.id;
    undo.add({ type: 'load-balancer', id: lbId, name }, async () => {
      // cascade takes the listener, pool, members and monitor along; waiting makes sure the
      // VIP port is released before the caller (or a retry) reuses the names or the subnet
      await lbApi.deleteLoadBalancer(lbId, { cascade: true, ignoreMissing: true, ...request });
      await lbApi.waitForLoadBalancerDelete(lbId, waitOpts);
    });
    /** The load balancer ACTIVE again after a step; a step that left its object in ERROR fails. */
    const settle = async (stage: CreateLoadBalancerStage, id: string, status?: () => Promise<string>) => {
      lb = await lbApi.waitForLoadBalancer(lbId, 'ACTIVE', waitOpts);
      const s = status ? await status() : 'ACTIVE';
      if (s !== 'ACTIVE') {
        throw new ResourceFailureError(`${stage} ${id} of load balancer ${lbId} went to ${s}`, s, undefined);
      }
      onProgress?.(stage, id);
    };
    await settle('load-balancer', lbId);

    const out: CreatedLoadBalancer = { loadBalancer: lb, members: [], created: undo.created };
    if (!listenerSpec) return out;
    let listener = await lbApi.createListener(
      {
        name: listenerSpec.name ?? `${name}-listener`,
        loadbalancerId: lbId,
        protocol: listenerSpec.protocol,
        protocolPort: listenerSpec.protocolPort,
      },
      request,
    );
    const listenerId = listener.id;
    await settle('listener', listenerId, async () => {
      listener = await lbApi.getListener(listenerId, request);
      return listener.provisioningStatus;
    });
    out.listener = listener;

    if (!poolSpec) return { ...out, loadBalancer: lb };
    let pool = await lbApi.createPool(
      {
        name: poolSpec.name ?? `${name}-pool`,
        listenerId,
        protocol: poolSpec.protocol ?? listenerSpec.protocol,
        lbAlgorithm: poolSpec.lbAlgorithm ?? 'ROUND_ROBIN',
      },
      request,
    );
    const poolId = pool.id;
    await settle('pool', poolId, async () => {
      pool = await lbApi.getPool(poolId, request);
      return pool.provisioningStatus;
    });
    out.pool = pool;

    const parent = { poolId };
    for (const m of memberSpecs) {
      let member = await lbApi.createMember(
        {
          address: m.address,
          protocolPort: m.protocolPort,
          ...(m.subnetId ? { subnetId: m.subnetId } : {}),
          ...(m.weight !== undefined ? { weight: m.weight } : {}),
          ...(m.name ? { name: m.name } : {}),
        },
        { ...request, parent },
      );
      const memberId = member.id;
      await settle('member', memberId, async () => {
        member = await lbApi.getMember(memberId, { ...request, parent });
        return member.provisioningStatus;
      });
      out.members.push(member);
    }

    if (monitorSpec) {
      let monitor = await lbApi.createHealthMonitor(
        {
          poolId,
          type: monitorSpec.type,
          delay: monitorSpec.delay ?? 5,
          timeout: monitorSpec.timeout ?? 3,
          maxRetries: monitorSpec.maxRetries ?? 3,
          ...(monitorSpec.urlPath ? { urlPath: monitorSpec.urlPath } : {}),
        },
        request,
      );
      const monitorId = monitor.id;
      await settle('health-monitor', monitorId, async () => {
        monitor = await lbApi.getHealthMonitor(monitorId, request);
        return monitor.provisioningStatus;
      });
      out.healthMonitor = monitor;
    }
    return { ...out, loadBalancer: lb };
  });
}
