/** Reverse DNS of floating IPs (`conn.dns`): PTR records designate keeps for neutron's addresses. */
import { instantiate, type RequestOptions } from '../../resource/index.js';
import { readDocument } from '../service-documents.js';
import { ServiceProxy } from '../service-proxy.js';
import { FloatingIpPtr } from './floating-ip-ptr.js';
import type { FloatingIpPtrResource } from './resource-types.js';
import { requireFqdn, requireText } from './validate.js';

/** What a floating IP's PTR record is set to. */
export interface FloatingIpPtrInput {
  /** The name the address resolves to, fully qualified (`vm1.example.org.`). */
  ptrdname: string;
  /** TTL in seconds (default: designate's). */
  ttl?: number;
  /** A note on the PTR record. */
  description?: string;
}

/** `/reverse/floatingips/<region>:<id>`: the colon is designate's separator, sent as is. */
function ptrPath(region: string, floatingIpId: string): string {
  requireText('region', region, "pass the floating IP's region, e.g. 'RegionOne'");
  requireText('floatingIpId', floatingIpId, "pass the floating IP's id (conn.network.listFloatingIps())");
  return `/reverse/floatingips/${encodeURIComponent(region)}:${encodeURIComponent(floatingIpId)}`;
}

/** Floating IP PTR records (a section of `conn.dns`, never constructed). */
export abstract class PtrSection extends ServiceProxy {
  /** The reverse DNS of one floating IP of the caller's project (`ptrdname` null when unset). */
  async getFloatingIpPtr(
    region: string,
    floatingIpId: string,
    opts: RequestOptions = {},
  ): Promise<FloatingIpPtrResource> {
    return this.sendPtr('GET', ptrPath(region, floatingIpId), undefined, opts);
  }

  /**
   * Set the PTR record of a floating IP: designate creates it in the address's reverse zone
   * (`<c>.<b>.<a>.in-addr.arpa.`, made and owned by designate) and answers `PENDING`.
   *
   * @example
   * ```ts
   * const fip = await conn.network.createFloatingIp({ floatingNetworkId: (await conn.network.findNetwork('public')).id });
   * await conn.dns.setFloatingIpPtr('RegionOne', fip.id, { ptrdname: 'vm1.example.org.', ttl: 300 });
   * console.log((await conn.dns.getFloatingIpPtr('RegionOne', fip.id)).ptrdname);
   * await conn.dns.unsetFloatingIpPtr('RegionOne', fip.id);
   * ```
   */
  async setFloatingIpPtr(
    region: string,
    floatingIpId: string,
    attrs: FloatingIpPtrInput,
    opts: RequestOptions = {},
  ): Promise<FloatingIpPtrResource> {
    const path = ptrPath(region, floatingIpId);
    requireFqdn('floatingIpPtr.ptrdname', attrs?.ptrdname);
    const json: Record<string, unknown> = { ptrdname: attrs.ptrdname };
    if (attrs.ttl !== undefined) json.ttl = attrs.ttl;
    if (attrs.description !== undefined) json.description = attrs.description;
    return this.sendPtr('PATCH', path, json, opts);
  }

  /** Remove the PTR record of a floating IP (designate deletes the record it made). */
  async unsetFloatingIpPtr(region: string, floatingIpId: string, opts: RequestOptions = {}): Promise<void> {
    const path = ptrPath(region, floatingIpId);
    await this.client.request('PATCH', path, { json: { ptrdname: null }, buffer: true }, opts);
  }

  private async sendPtr(
    method: string,
    path: string,
    json: unknown,
    opts: RequestOptions,
  ): Promise<FloatingIpPtrResource> {
    const res = await this.client.request(method, path, { json, buffer: true }, opts);
    const doc = await readDocument(res, opts);
    return instantiate(FloatingIpPtr, this.client, doc.resource(null), res.headers);
  }
}
