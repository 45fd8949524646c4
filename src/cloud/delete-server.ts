/** Delete a server, optionally with the floating IPs attached to it. */
import type { CloudConnection } from './cloud-connection.js';
import { serverFloatingIps } from './floating-ip.js';

/** Options of {@link deleteServer}. */
export interface DeleteServerOptions {
  /** Also delete the floating IPs attached to the server's ports (default false). */
  deleteIps?: boolean;
  /** Wait until the server is gone (default true). */
  wait?: boolean;
  /** Wait at most this long in ms (default 300 000). */
  timeoutMs?: number;
  /** Poll interval while waiting, in ms. */
  intervalMs?: number;
  /** Aborts the deletion or the wait. */
  signal?: AbortSignal;
}

/** What {@link deleteServer} did. */
export interface DeleteServerResult {
  /** False when there was no such server. */
  deleted: boolean;
  /** The id of the server deleted, when one was found. */
  serverId?: string;
  /** Addresses of the floating IPs deleted. */
  floatingIpsDeleted: string[];
}

/**
 * Delete a server by name or id. With `deleteIps`, the floating IPs attached to it are
 * deleted first (while the server's ports still exist to find them by). A missing server is
 * not an error: the result says `deleted: false`.
 */
export async function deleteServer(
  conn: CloudConnection,
  nameOrId: string,
  opts: DeleteServerOptions = {},
): Promise<DeleteServerResult> {
  // only the signal goes on to each request: opts.timeoutMs bounds the wait, not one request
  const { signal } = opts;
  const server = await conn.compute.findServer(nameOrId, { ignoreMissing: true, signal });
  if (!server) return { deleted: false, floatingIpsDeleted: [] };
  const floatingIpsDeleted: string[] = [];
  if (opts.deleteIps) {
    for (const fip of await serverFloatingIps(conn, server.id, signal)) {
      await conn.network.deleteFloatingIp(fip.id, { ignoreMissing: true, signal });
      floatingIpsDeleted.push(fip.floatingIpAddress ?? fip.id);
    }
  }
  await conn.compute.deleteServer(server.id, { ignoreMissing: true, signal });
  if (opts.wait ?? true) {
    await conn.compute.waitForServerDelete(server.id, {
      timeoutMs: opts.timeoutMs ?? 300_000,
      intervalMs: opts.intervalMs ?? 2000,
      signal,
    });
  }
  return { deleted: true, serverId: server.id, floatingIpsDeleted };
}
