/**
 * The compute proxy's section for moving a server: resize, rebuild, cold and live migration.
 */
import { idSegment, instantiate, type RequestOptions, resourceAction } from '../../resource/index.js';
import { ServiceProxy } from '../service-proxy.js';
import { Server, type ServerResource } from './server.js';
import {
  LiveMigrateAction,
  MigrateAction,
  postBareServerAction,
  postServerAction,
  RebuildAction,
  ResizeAction,
  type ServerRef,
  serverIdOf,
} from './server-actions.js';
import { encodeUserData } from './user-data.js';

/** Options of {@link ServerMovesSection.rebuildServer}. */
export interface RebuildServerOptions {
  /** A new name. */
  name?: string;
  /** The admin password to set in the rebuilt guest. */
  adminPass?: string;
  /** The IPv4 address to report as the server's access address. */
  accessIpv4?: string;
  /** The IPv6 address to report as the server's access address. */
  accessIpv6?: string;
  /** Replaces the server's metadata. */
  metadata?: Record<string, string>;
  /** `AUTO` resizes the root partition to the disk, `MANUAL` leaves it. */
  diskConfig?: 'AUTO' | 'MANUAL';
  /** Files to inject (before 2.57). */
  personality?: { path: string; contents: string }[];
  /** Keep the ephemeral disk's contents (bare metal). */
  preserveEphemeral?: boolean;
  /** 2.19+ */
  description?: string | null;
  /** 2.54+; null removes the key pair. */
  keyName?: string | null;
  /** 2.57+; base64 text or bytes (see `user-data.ts`); null removes it. */
  userData?: string | Uint8Array | null;
  /** 2.63+ */
  trustedImageCertificates?: string[] | null;
  /** 2.90+ */
  hostname?: string;
}

/** Resizing, rebuilding and migrating servers (a section of `ComputeV2`, `conn.compute`). */
export abstract class ServerMovesSection extends ServiceProxy {
  /**
   * Resize a server to another flavor (id). The server goes to VERIFY_RESIZE; then
   * {@link confirmServerResize} or {@link revertServerResize}.
   *
   * @example
   * ```ts
   * const server = await conn.compute.findServer('web1');
   * const bigger = await conn.compute.findFlavor('m1.medium');
   * await conn.compute.resizeServer(server, bigger.id);
   * await conn.compute.waitForServer(server, 'VERIFY_RESIZE', { timeoutMs: 600_000 });
   * await conn.compute.confirmServerResize(server); // or revertServerResize
   * ```
   */
  async resizeServer(
    server: ServerRef,
    flavorId: string,
    opts: RequestOptions & { diskConfig?: 'AUTO' | 'MANUAL' } = {},
  ): Promise<void> {
    const { diskConfig } = opts;
    await postServerAction(this.client, server, ResizeAction, { flavorRef: flavorId, diskConfig }, opts);
  }

  /** Confirm a resize (VERIFY_RESIZE → ACTIVE on the new flavor). */
  async confirmServerResize(server: ServerRef, opts: RequestOptions = {}): Promise<void> {
    return postBareServerAction(this.client, server, 'confirmResize', opts);
  }

  /** Revert a resize (VERIFY_RESIZE → ACTIVE on the old flavor). */
  async revertServerResize(server: ServerRef, opts: RequestOptions = {}): Promise<void> {
    return postBareServerAction(this.client, server, 'revertResize', opts);
  }

  /**
   * Rebuild a server from an image (id), keeping its id, addresses and flavor. Resolves with
   * the server as nova answers (status REBUILD; includes `adminPass`).
   *
   * @example
   * ```ts
   * // reinstall a server from a newer image, keeping its id, addresses and flavor
   * const server = await conn.compute.findServer('web1');
   * const image = await conn.image.findImage('ubuntu-24.04');
   * await conn.compute.rebuildServer(server, image.id, { name: 'web1' });
   * await conn.compute.waitForServerIdle(server, 'ACTIVE', { timeoutMs: 600_000 });
   * ```
   */
  async rebuildServer(
    server: ServerRef,
    imageId: string,
    opts: RequestOptions & RebuildServerOptions = {},
  ): Promise<ServerResource> {
    // the request options go whole to the request; everything else is the rebuild's body
    const {
      signal: _s,
      timeoutMs: _t,
      microversion: _m,
      headers: _h,
      maxBodyBytes: _b,
      userData,
      ...fields
    } = opts;
    const input: Record<string, unknown> = { imageRef: imageId, ...fields };
    if (userData !== undefined)
      input.userData = userData === null ? null : encodeUserData(userData, 'rebuild action.userData');
    const r = await postServerAction<{ server?: Record<string, unknown> }>(
      this.client,
      server,
      RebuildAction,
      input,
      opts,
    );
    return instantiate(Server, this.client, r.body?.server ?? { id: serverIdOf(server) }, r.headers);
  }

  /**
   * Admin: cold-migrate a server to another host (`host` needs 2.56); then confirm like a resize.
   *
   * @example
   * ```ts
   * // admin: move a server off a host; a cold migration ends in VERIFY_RESIZE
   * const server = await conn.compute.findServer('web1');
   * await conn.compute.migrateServer(server);
   * await conn.compute.waitForServerIdle(server, 'VERIFY_RESIZE');
   * await conn.compute.confirmServerResize(server);
   * // a running one can move live instead; the scheduler picks the host
   * await conn.compute.liveMigrateServer(await conn.compute.findServer('db1'), { host: null });
   * ```
   */
  async migrateServer(server: ServerRef, opts: RequestOptions & { host?: string } = {}): Promise<void> {
    const { host } = opts;
    if (host === undefined) return postBareServerAction(this.client, server, 'migrate', opts);
    await postServerAction(this.client, server, MigrateAction, { host }, opts);
  }

  /**
   * Admin: live-migrate a running server. `host: null` lets the scheduler choose;
   * `blockMigration` defaults to `'auto'` from 2.25 (before: `false`, with
   * `diskOverCommit: false`, which nova requires up to 2.24); `force` exists in 2.30–2.67.
   */
  async liveMigrateServer(
    server: ServerRef,
    opts: RequestOptions & {
      host?: string | null;
      blockMigration?: boolean | 'auto';
      diskOverCommit?: boolean;
      force?: boolean;
    } = {},
  ): Promise<void> {
    const { host = null, blockMigration, diskOverCommit, force } = opts;
    await this.client.resolve(opts.signal);
    const modern = this.client.supports('2.25');
    await postServerAction(
      this.client,
      server,
      LiveMigrateAction,
      {
        host,
        blockMigration: blockMigration ?? (modern ? 'auto' : false),
        diskOverCommit: diskOverCommit ?? (modern ? undefined : false),
        force,
      },
      opts,
    );
  }

  /** Admin: force an in-progress live migration to complete (pauses the guest; 2.22+). */
  async forceCompleteServerMigration(
    server: ServerRef,
    migrationId: string | number,
    opts: RequestOptions = {},
  ): Promise<void> {
    await resourceAction(
      this.client,
      `/servers/${idSegment('server', server, 'server')}/migrations`,
      String(migrationId),
      'force_complete',
      null,
      opts,
    );
  }
}
