/**
 * The compute proxy's section for a server's guest: disk snapshots and backups to images,
 * the console log and the admin password.
 */
import type { RequestOptions } from '../../resource/index.js';
import type { ServiceClient } from '../../session/service-client.js';
import { ServiceProxy } from '../service-proxy.js';
import {
  ChangePasswordAction,
  ConsoleOutputAction,
  CreateBackupAction,
  CreateImageAction,
  imageIdFromAction,
  postServerAction,
  type ServerRef,
} from './server-actions.js';

/** POST a createImage or createBackup action; resolves with the new image's id. */
async function snapshot(
  client: ServiceClient,
  server: ServerRef,
  def: typeof CreateImageAction | typeof CreateBackupAction,
  input: Record<string, unknown>,
  opts: RequestOptions,
): Promise<string> {
  return imageIdFromAction(await postServerAction<{ image_id?: string }>(client, server, def, input, opts));
}

/** A server's images, console and password (a section of `ComputeV2`, `conn.compute`). */
export abstract class ServerGuestSection extends ServiceProxy {
  /**
   * Snapshot a server to a new image (`createImage`); resolves with the image id. From 2.45
   * nova returns it in the body, before that in the `Location` header: both are handled.
   * The image is still being uploaded: wait for it to become `active` in the image service.
   *
   * @example
   * ```ts
   * const server = await conn.compute.findServer('web1');
   * const imageId = await conn.compute.createServerImage(server, 'web1-snapshot');
   * await conn.image.waitForImage(imageId, 'active', { timeoutMs: 600_000 });
   * ```
   */
  async createServerImage(
    server: ServerRef,
    name: string,
    opts: RequestOptions & { metadata?: Record<string, string> } = {},
  ): Promise<string> {
    return snapshot(this.client, server, CreateImageAction, { name, metadata: opts.metadata }, opts);
  }

  /**
   * Back a server up to an image, keeping the newest `rotation` backups of `backupType`
   * (e.g. `daily`); resolves with the image id.
   *
   * @example
   * ```ts
   * // a daily image backup, keeping the newest 7
   * const server = await conn.compute.findServer('db1');
   * const imageId = await conn.compute.createServerBackup(server, 'db1-daily', 'daily', 7);
   * await conn.image.waitForImage(imageId, ['active']);
   * ```
   */
  async createServerBackup(
    server: ServerRef,
    name: string,
    backupType: string,
    rotation: number,
    opts: RequestOptions & { metadata?: Record<string, string> } = {},
  ): Promise<string> {
    const input = { name, backupType, rotation, metadata: opts.metadata };
    return snapshot(this.client, server, CreateBackupAction, input, opts);
  }

  /**
   * The server's console log; `length` keeps only the last lines.
   *
   * @example
   * ```ts
   * const server = await conn.compute.findServer('web1');
   * console.log(await conn.compute.getServerConsoleOutput(server, { length: 50 }));
   * ```
   */
  async getServerConsoleOutput(
    server: ServerRef,
    opts: RequestOptions & { length?: number } = {},
  ): Promise<string> {
    const { length } = opts;
    const r = await postServerAction<{ output?: string }>(
      this.client,
      server,
      ConsoleOutputAction,
      { length },
      opts,
    );
    // nova always answers { "output": "..." }: anything else is unreadable, never an empty log
    return r.doc.key('output', 'string');
  }

  /**
   * Set the administrator password inside the guest (needs a guest agent).
   *
   * @example
   * ```ts
   * const server = await conn.compute.findServer('win1');
   * await conn.compute.changeServerPassword(server, process.env.NEW_ADMIN_PASSWORD as string);
   * ```
   */
  async changeServerPassword(server: ServerRef, adminPass: string, opts: RequestOptions = {}): Promise<void> {
    await postServerAction(this.client, server, ChangePasswordAction, { adminPass }, opts);
  }
}
