/**
 * The compute proxy's server section: creating, finding and waiting for servers beside the
 * generated verbs (`listServers`, `getServer`, ...). Assembled into {@link ComputeV2} by
 * `mixSections`.
 */
import {
  type FindOptions,
  fetchResource,
  type RequestOptions,
  type VerbOptions,
  type WaitForStatusOptions,
} from '../../resource/index.js';
import { ServiceProxy } from '../service-proxy.js';
import { type PartialServerResource, Server, type ServerResource } from './server.js';
import { type ServerRef, serverIdOf } from './server-actions.js';
import { createServer, type ServerCreateInput } from './server-create.js';
import { findServer } from './server-find.js';
import { waitForServerIdle } from './server-wait.js';

/** Servers: create, find, wait until idle (a section of `ComputeV2`, `conn.compute`). */
export abstract class ServerCoreSection extends ServiceProxy {
  /**
   * Create a server. Nova answers at once with the id (and `adminPass`); wait for it with
   * `waitForServer(server, 'ACTIVE')`, which returns the whole server (the answer is partial:
   * its type promises no field but the id).
   *
   * - `networks` is required from 2.37: `'auto'`, `'none'` or `[{ uuid }, { port }, ...]`.
   * - `userData`: bytes are base64-encoded by the SDK; a string must already be base64
   *   (plain text is rejected with a `ValidationError`, see `user-data.ts`).
   * - `schedulerHints` is sent as `os:scheduler_hints` (e.g. `{ group: serverGroupId }`).
   * - Fields newer than the connection's microversion (`tags` 2.52, `hostname` 2.90, ...) and
   *   unknown names are rejected before anything is sent.
   */
  async createServer(attrs: ServerCreateInput, opts: RequestOptions = {}): Promise<PartialServerResource> {
    return createServer(this.client, attrs, opts);
  }

  /**
   * A server by id, else by exact name (`ResourceNotFoundError`, or undefined with
   * `ignoreMissing`; `MultipleMatchesError` when several servers have the name). `query`
   * narrows the search (e.g. `{ allTenants: true }` for admins).
   */
  findServer(
    nameOrId: string,
    opts: FindOptions<(typeof Server)['query']> & { ignoreMissing: true },
  ): Promise<ServerResource | undefined>;
  findServer(nameOrId: string, opts?: FindOptions<(typeof Server)['query']>): Promise<ServerResource>;
  async findServer(
    nameOrId: string,
    opts: FindOptions<(typeof Server)['query']> = {},
  ): Promise<ServerResource | undefined> {
    return findServer(this.client, nameOrId, opts);
  }

  /**
   * Wait until the server is in `status` (e.g. `'ACTIVE'`) with no task running. Prefer it to
   * `waitForServer` between actions: nova already reports ACTIVE while `unpausing` or
   * `powering-on`, and refuses the next action (409) until the task ends. Throws
   * `ResourceFailureError` on ERROR (with nova's fault message) and `TimeoutError`.
   *
   * @example
   * ```ts
   * const server = await conn.compute.findServer('web1');
   * await conn.compute.stopServer(server);
   * // SHUTOFF alone is not enough: nova refuses the next action until the task state clears
   * await conn.compute.waitForServerIdle(server, 'SHUTOFF', { timeoutMs: 120_000 });
   * await conn.compute.startServer(server);
   * ```
   */
  async waitForServerIdle(
    server: ServerRef,
    status: string | string[],
    opts: WaitForStatusOptions & VerbOptions = {},
  ): Promise<ServerResource> {
    const id = serverIdOf(server);
    // opts.timeoutMs bounds the whole wait, not each poll; every other request option applies to each poll
    const { timeoutMs: _whole, ...poll } = opts;
    return waitForServerIdle(() => fetchResource(this.client, Server, id, poll), status, opts);
  }
}
