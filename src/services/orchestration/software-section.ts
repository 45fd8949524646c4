/** Software deployment waiters and the server's metadata (a section of `conn.orchestration`). */
import {
  namedVerbs,
  type RequestOptions,
  requireId,
  type VerbOptions,
  type WaitForStatusOptions,
} from '../../resource/index.js';
import { ServiceProxy } from '../service-proxy.js';
import type { SoftwareDeploymentInstance } from './resource-types.js';
import { DEPLOYMENT_FAILURE_STATUSES, SoftwareDeployment } from './software-deployment.js';

/** Software deployments beyond the generated verbs (a section of `conn.orchestration`, never constructed). */
export abstract class SoftwareSection extends ServiceProxy {
  /** Wait until a deployment is `COMPLETE`; `FAILED` throws with its `status_reason`. */
  waitForSoftwareDeployment(
    deployment: string | SoftwareDeploymentInstance,
    status: string | string[] = 'COMPLETE',
    opts: WaitForStatusOptions & VerbOptions = {},
  ): Promise<SoftwareDeploymentInstance> {
    const failures = [...DEPLOYMENT_FAILURE_STATUSES];
    return namedVerbs(this.client, SoftwareDeployment, 'It', 'Them', ['wait']).waitForIt(deployment, status, {
      failures,
      ...opts,
    });
  }

  /** The deployments' metadata heat gives a server (what its agent applies). */
  async getSoftwareDeploymentMetadata(server: string, opts: RequestOptions = {}): Promise<unknown[]> {
    const id = requireId('server', server);
    const doc = await this.client.decode(
      'GET',
      `/software_deployments/metadata/${encodeURIComponent(id)}`,
      {},
      opts,
    );
    return doc.key('metadata', 'array') as unknown[];
  }
}
