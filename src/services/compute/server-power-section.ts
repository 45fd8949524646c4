/**
 * The compute proxy's server power and state section: reboot, start/stop, pause, suspend,
 * lock, rescue, shelve and the admin state reset, as server actions.
 */
import type { RequestOptions } from '../../resource/index.js';
import { ServiceProxy } from '../service-proxy.js';
import {
  LockAction,
  postBareServerAction,
  postServerAction,
  RebootAction,
  RescueAction,
  ResetStateAction,
  type ServerRef,
  UnshelveAction,
} from './server-actions.js';

/** Server power and state actions (a section of `ComputeV2`, `conn.compute`). */
export abstract class ServerPowerSection extends ServiceProxy {
  /**
   * Reboot a server: `SOFT` (default; asks the guest) or `HARD` (power cycle).
   *
   * @example
   * ```ts
   * const server = await conn.compute.findServer('web1');
   * await conn.compute.rebootServer(server, 'HARD');
   * await conn.compute.waitForServer(server, 'ACTIVE');
   * await conn.compute.stopServer(server);
   * await conn.compute.waitForServer(server, 'SHUTOFF');
   * await conn.compute.startServer(server);
   * ```
   */
  async rebootServer(
    server: ServerRef,
    type: 'SOFT' | 'HARD' = 'SOFT',
    opts: RequestOptions = {},
  ): Promise<void> {
    await postServerAction(this.client, server, RebootAction, { type }, opts);
  }

  /** Power on a stopped (SHUTOFF) server (`os-start`). */
  async startServer(server: ServerRef, opts: RequestOptions = {}): Promise<void> {
    return postBareServerAction(this.client, server, 'os-start', opts);
  }

  /** Power off a server (`os-stop`); it goes to SHUTOFF. */
  async stopServer(server: ServerRef, opts: RequestOptions = {}): Promise<void> {
    return postBareServerAction(this.client, server, 'os-stop', opts);
  }

  /**
   * Pause a server (kept in memory); it goes to PAUSED.
   *
   * @example
   * ```ts
   * const server = await conn.compute.findServer('batch1');
   * await conn.compute.pauseServer(server); // kept in memory: PAUSED
   * await conn.compute.waitForServerIdle(server, 'PAUSED');
   * await conn.compute.unpauseServer(server);
   * await conn.compute.suspendServer(server); // memory to disk: SUSPENDED
   * await conn.compute.waitForServerIdle(server, 'SUSPENDED');
   * await conn.compute.resumeServer(server);
   * ```
   */
  async pauseServer(server: ServerRef, opts: RequestOptions = {}): Promise<void> {
    return postBareServerAction(this.client, server, 'pause', opts);
  }

  /** Unpause a PAUSED server. */
  async unpauseServer(server: ServerRef, opts: RequestOptions = {}): Promise<void> {
    return postBareServerAction(this.client, server, 'unpause', opts);
  }

  /** Suspend a server (memory saved to disk); it goes to SUSPENDED. */
  async suspendServer(server: ServerRef, opts: RequestOptions = {}): Promise<void> {
    return postBareServerAction(this.client, server, 'suspend', opts);
  }

  /** Resume a SUSPENDED server. */
  async resumeServer(server: ServerRef, opts: RequestOptions = {}): Promise<void> {
    return postBareServerAction(this.client, server, 'resume', opts);
  }

  /**
   * Lock a server so that non-admin users cannot act on it. `reason` needs microversion 2.73
   * (rejected before sending on older connections); it shows as `lockedReason`.
   *
   * @example
   * ```ts
   * const server = await conn.compute.findServer('db1');
   * await conn.compute.lockServer(server, { reason: 'change freeze' }); // the reason needs 2.73
   * await conn.compute.unlockServer(server);
   * ```
   */
  async lockServer(server: ServerRef, opts: RequestOptions & { reason?: string } = {}): Promise<void> {
    const { reason } = opts;
    if (reason === undefined) await postBareServerAction(this.client, server, 'lock', opts);
    else await postServerAction(this.client, server, LockAction, { lockedReason: reason }, opts);
  }

  /** Unlock a locked server. */
  async unlockServer(server: ServerRef, opts: RequestOptions = {}): Promise<void> {
    return postBareServerAction(this.client, server, 'unlock', opts);
  }

  /**
   * Boot a server from a rescue image (status RESCUE). Resolves with the rescue admin
   * password when nova returns one.
   *
   * @example
   * ```ts
   * // boot a broken server from a rescue image to repair its disk
   * const server = await conn.compute.findServer('web1');
   * await conn.compute.rescueServer(server, { rescueImageRef: (await conn.image.findImage('rescue')).id });
   * await conn.compute.waitForServerIdle(server, 'RESCUE');
   * // ... repair, then boot from its own disk again
   * await conn.compute.unrescueServer(server);
   * ```
   */
  async rescueServer(
    server: ServerRef,
    opts: RequestOptions & { adminPass?: string; rescueImageRef?: string } = {},
  ): Promise<string | undefined> {
    const { adminPass, rescueImageRef } = opts;
    const r = await postServerAction<{ adminPass?: string }>(
      this.client,
      server,
      RescueAction,
      { adminPass, rescueImageRef },
      opts,
    );
    return r.body?.adminPass;
  }

  /** Return a rescued server to its own disk. */
  async unrescueServer(server: ServerRef, opts: RequestOptions = {}): Promise<void> {
    return postBareServerAction(this.client, server, 'unrescue', opts);
  }

  /**
   * Admin: force the server's state to `active` or `error` (no action is taken on the guest).
   *
   * @example
   * ```ts
   * // admin: a server stuck in ERROR after its host came back
   * const server = await conn.compute.findServer('web1');
   * await conn.compute.resetServerState(server, 'active');
   * await conn.compute.rebootServer(server, 'HARD');
   * ```
   */
  async resetServerState(
    server: ServerRef,
    state: 'active' | 'error',
    opts: RequestOptions = {},
  ): Promise<void> {
    await postServerAction(this.client, server, ResetStateAction, { state }, opts);
  }

  /**
   * Shelve a server (SHELVED, then SHELVED_OFFLOADED once its resources are freed).
   *
   * @example
   * ```ts
   * // park a server: its disk becomes an image and its host resources are freed
   * const server = await conn.compute.findServer('batch1');
   * await conn.compute.shelveServer(server);
   * await conn.compute.waitForServerIdle(server, ['SHELVED', 'SHELVED_OFFLOADED']);
   * // later
   * await conn.compute.unshelveServer(server);
   * ```
   */
  async shelveServer(server: ServerRef, opts: RequestOptions = {}): Promise<void> {
    return postBareServerAction(this.client, server, 'shelve', opts);
  }

  /** Free the host resources of a SHELVED server now (admin by default). */
  async shelveOffloadServer(server: ServerRef, opts: RequestOptions = {}): Promise<void> {
    return postBareServerAction(this.client, server, 'shelveOffload', opts);
  }

  /**
   * Unshelve a shelved server. `availabilityZone` needs 2.77 (null unpins it, 2.91) and
   * `host` 2.91 (admin).
   */
  async unshelveServer(
    server: ServerRef,
    opts: RequestOptions & { availabilityZone?: string | null; host?: string } = {},
  ): Promise<void> {
    const { availabilityZone, host } = opts;
    if (availabilityZone === undefined && host === undefined)
      return postBareServerAction(this.client, server, 'unshelve', opts);
    await postServerAction(this.client, server, UnshelveAction, { availabilityZone, host }, opts);
  }
}
