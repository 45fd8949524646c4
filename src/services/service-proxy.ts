/**
 * Base of every service proxy (`conn.compute`, `conn.network`, ...): one ServiceClient at a
 * pinned major version/microversion, plus raw request access for anything not modelled.
 */
import { ServiceClient, type ServiceRequestOptions, type ServiceSpec } from '../session/service-client.js';
import type { Session } from '../session/session.js';
import type { HttpResponse } from '../transport/http-client.js';

/** Options of a service proxy. */
export interface ProxyOptions {
  /** Microversion pin (`2.79`), or 'latest' to opt into the newest both sides support. */
  microversion?: string;
}

/**
 * Base of every service proxy: a {@link ServiceClient} at the proxy's version, the negotiated microversion, and raw requests for anything not modelled.
 */
export abstract class ServiceProxy {
  /** The client all of this proxy's resources use. */
  readonly client: ServiceClient;

  constructor(session: Session, spec: ServiceSpec, opts: ProxyOptions = {}) {
    this.client = new ServiceClient(session, spec, opts.microversion);
  }

  /** The negotiated microversion (resolves discovery first). */
  async microversion(signal?: AbortSignal): Promise<string | undefined> {
    return (await this.client.resolve(signal)).microversion;
  }

  /** The service's versioned base URL. */
  baseUrl(signal?: AbortSignal): Promise<string> {
    return this.client.baseUrl(signal);
  }

  /** Send any request to this service (path relative to its base URL). */
  request(method: string, path: string, opts?: ServiceRequestOptions): Promise<HttpResponse> {
    return this.client.request(method, path, opts);
  }
}
