/** The cinder service methods of `conn.blockStorage` (admin). */
import type { RequestOptions } from '../../resource/index.js';
import { requestDocument } from '../service-documents.js';
import { ServiceProxy } from '../service-proxy.js';
import type { ServiceResource } from './resource-types.js';
import { Service } from './service.js';

/** Enabling and disabling cinder services (a section of `conn.blockStorage`, never constructed). */
export abstract class ServiceSection extends ServiceProxy {
  /** Admin: enable a service (`host` and `binary` name it, e.g. `devstack@lvm`, `cinder-volume`). */
  async enableService(host: string, binary: string, opts: RequestOptions = {}): Promise<ServiceResource> {
    const json = { host, binary };
    return requestDocument(this.client, Service, 'PUT', '/os-services/enable', { json }, opts);
  }

  /** Admin: disable a service so nothing new is scheduled to it, optionally saying why. */
  async disableService(
    host: string,
    binary: string,
    opts: RequestOptions & { reason?: string } = {},
  ): Promise<ServiceResource> {
    const json: Record<string, unknown> = { host, binary };
    if (opts.reason) json.disabled_reason = opts.reason;
    const path = opts.reason ? '/os-services/disable-log-reason' : '/os-services/disable';
    return requestDocument(this.client, Service, 'PUT', path, { json }, opts);
  }
}
