/**
 * What the cloud layer needs of a connection. The cloud layer owns this interface and the
 * `Connection` satisfies it, so the cloud layer never imports `connection.ts` (which creates
 * `conn.cloud`, and would otherwise form an import cycle with every task module).
 */
import type { AccessInfo } from '../auth/access-info.js';
import type { BlockStorageV3 } from '../services/block-storage/index.js';
import type { ComputeV2 } from '../services/compute/index.js';
import type { ImageV2 } from '../services/image/index.js';
import type { LoadBalancerV2 } from '../services/load-balancer/index.js';
import type { NetworkV2 } from '../services/network/index.js';
import type { ObjectStoreV1 } from '../services/object-store/index.js';

/**
 * The parts of a {@link Connection} the cloud layer's tasks use: the service proxies they call
 * and the token's scope. Every `Connection` is one; a test may pass a stand-in.
 */
export interface CloudConnection {
  /** Compute (servers, flavors, key pairs). */
  readonly compute: ComputeV2;
  /** Network (networks, subnets, routers, ports, floating IPs, security groups). */
  readonly network: NetworkV2;
  /** Image (image lookup by name or id). */
  readonly image: ImageV2;
  /** Block storage (boot volumes, volume cleanup). */
  readonly blockStorage: BlockStorageV3;
  /** Object storage (container cleanup). */
  readonly objectStore: ObjectStoreV1;
  /** Load balancing (load balancer, listener, pool, members, health monitor). */
  readonly loadBalancer: LoadBalancerV2;
  /** Authenticate if needed and return the token's scope (its project id for tasks in "this project"). */
  authorize(signal?: AbortSignal): Promise<AccessInfo>;
}
