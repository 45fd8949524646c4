/** Software deployment waiters and the server's metadata (a section of `conn.orchestration`). */
import { ValidationError } from '../../errors/errors.js';
import {
  type CreateAttributes,
  type Fields,
  idSegment,
  instantiate,
  namedVerbs,
  type RequestOptions,
  type ResourceDefinition,
  requireId,
  toRequest,
  type UpdateAttributes,
  type VerbOptions,
  type WaitForStatusOptions,
} from '../../resource/index.js';
import type { ServiceClient } from '../../session/service-client.js';
import { ServiceProxy } from '../service-proxy.js';
import type { SoftwareConfigInstance, SoftwareDeploymentInstance } from './resource-types.js';
import { SoftwareConfig } from './software-config.js';
import { DEPLOYMENT_FAILURE_STATUSES, SoftwareDeployment } from './software-deployment.js';

type ConfigFields = (typeof SoftwareConfig)['fields'];
type DeploymentFields = (typeof SoftwareDeployment)['fields'];

function requireAttrs(what: string, attrs: unknown): void {
  if (typeof attrs !== 'object' || attrs === null) {
    throw new ValidationError(`the attributes are required (got ${attrs === null ? 'null' : typeof attrs})`, {
      field: `${what} attributes`,
      fix: `pass an object of the ${what}'s fields`,
    });
  }
}

/** Heat takes these bodies bare and answers them under their key: one write of either. */
async function write<F extends Fields>(
  client: ServiceClient,
  def: ResourceDefinition<F, any>,
  method: 'POST' | 'PUT',
  path: string,
  attrs: Record<string, unknown>,
  opts: RequestOptions,
) {
  await client.resolve(opts.signal);
  const parts = toRequest(def, attrs, method === 'POST' ? 'create' : 'update', client);
  const doc = await client.decode(method, path, { json: parts.body }, opts);
  return instantiate(def, client, doc.resource(def.resourceKey));
}

/** Software config and deployment writes and waiters (a section of `conn.orchestration`, never constructed). */
export abstract class SoftwareSection extends ServiceProxy {
  /**
   * Create a software config (immutable once made).
   *
   * @example
   * ```ts
   * const cfg = await conn.orchestration.createSoftwareConfig({
   *   name: 'hello', group: 'script', config: '#!/bin/sh\necho hello\n',
   * });
   * ```
   */
  async createSoftwareConfig(
    attrs: CreateAttributes<ConfigFields>,
    opts: RequestOptions = {},
  ): Promise<SoftwareConfigInstance> {
    requireAttrs('software_config', attrs);
    return write(
      this.client,
      SoftwareConfig,
      'POST',
      '/software_configs',
      attrs as Record<string, unknown>,
      opts,
    );
  }

  /** Create a software deployment: a config applied to a server, with its input values. */
  async createSoftwareDeployment(
    attrs: CreateAttributes<DeploymentFields>,
    opts: RequestOptions = {},
  ): Promise<SoftwareDeploymentInstance> {
    requireAttrs('software_deployment', attrs);
    const path = '/software_deployments';
    return write(this.client, SoftwareDeployment, 'POST', path, attrs as Record<string, unknown>, opts);
  }

  /** Update a deployment (what a server's agent does when done: `status`, `outputValues`). */
  async updateSoftwareDeployment(
    deployment: string | SoftwareDeploymentInstance,
    attrs: UpdateAttributes<DeploymentFields>,
    opts: RequestOptions = {},
  ): Promise<SoftwareDeploymentInstance> {
    const path = `/software_deployments/${idSegment('software_deployment', deployment)}`;
    requireAttrs('software_deployment', attrs);
    return write(this.client, SoftwareDeployment, 'PUT', path, attrs as Record<string, unknown>, opts);
  }

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
