/**
 * The server half of the compute proxy: servers, their actions, metadata, tags, addresses,
 * console output and snapshots. {@link ComputeV2} (proxy.ts) adds everything else.
 */
import {
  type FindOptions,
  instantiate,
  MetadataMixin,
  namedVerbs,
  type RequestOptions,
  type Resource,
  TagsMixin,
  type VerbOptions,
  type VerbsOf,
  type WaitForStatusOptions,
} from '../../resource/index.js';
import type { Session } from '../../session/session.js';
import { type ProxyOptions, ServiceProxy } from '../service-proxy.js';
import { computeV2Spec } from '../specs.js';
import { type SchedulerHints, Server, type ServerAddress } from './server.js';
import {
  AddSecurityGroupAction,
  ChangePasswordAction,
  ConsoleOutputAction,
  CreateBackupAction,
  CreateImageAction,
  imageIdFromAction,
  LiveMigrateAction,
  LockAction,
  MigrateAction,
  postBareServerAction,
  postServerAction,
  RebootAction,
  RebuildAction,
  RemoveSecurityGroupAction,
  RescueAction,
  ResetStateAction,
  ResizeAction,
  type ServerRef,
  serverIdOf,
  UnshelveAction,
} from './server-actions.js';
import { createServer, type ServerCreateInput } from './server-create.js';
import { findServer } from './server-find.js';
import { waitForServerIdle } from './server-wait.js';
import { encodeUserData } from './user-data.js';

type ServerFields = (typeof Server)['fields'];
/** A server as the SDK returns it. */
export type ServerResource = Resource<ServerFields>;

/** Options of {@link ComputeServers.rebuildServer}. */
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

export interface ComputeServers
  extends VerbsOf<'Server', 'Servers', typeof Server, 'list' | 'get' | 'update' | 'delete' | 'wait'> {}

export class ComputeServers extends ServiceProxy {
  /** Server metadata (`/servers/{id}/metadata`). */
  protected readonly serverMetadata: MetadataMixin;
  /** Server tags (`/servers/{id}/tags`, 2.26+). */
  protected readonly serverTags: TagsMixin;

  constructor(session: Session, opts: ProxyOptions = {}) {
    super(session, computeV2Spec, opts);
    Object.assign(
      this,
      namedVerbs(this.client, Server, 'Server', 'Servers', ['list', 'get', 'update', 'delete', 'wait']),
    );
    this.serverMetadata = new MetadataMixin(this.client, '/servers');
    this.serverTags = new TagsMixin(this.client, '/servers');
  }

  /**
   * Create a server. Nova answers at once with the id (and `adminPass`); wait for it with
   * `waitForServer(server, 'ACTIVE')`.
   *
   * - `networks` is required from 2.37: `'auto'`, `'none'` or `[{ uuid }, { port }, ...]`.
   * - `userData`: bytes are base64-encoded by the SDK; a string must already be base64
   *   (plain text is rejected with a `ValidationError`, see `user-data.ts`).
   * - `schedulerHints` is sent as `os:scheduler_hints` (e.g. `{ group: serverGroupId }`).
   * - Fields newer than the connection's microversion (`tags` 2.52, `hostname` 2.90, ...) and
   *   unknown names are rejected before anything is sent.
   */
  async createServer(attrs: ServerCreateInput, opts: RequestOptions = {}): Promise<ServerResource> {
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
    // opts.timeoutMs bounds the whole wait, not each poll
    const get = { signal: opts.signal, microversion: opts.microversion, headers: opts.headers };
    return waitForServerIdle(() => this.getServer(id, get), status, opts);
  }

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
    const { reason, ...rest } = opts;
    if (reason === undefined) await postBareServerAction(this.client, server, 'lock', rest);
    else await postServerAction(this.client, server, LockAction, { lockedReason: reason }, rest);
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
    const { adminPass, rescueImageRef, ...rest } = opts;
    const r = await postServerAction<{ adminPass?: string }>(
      this.client,
      server,
      RescueAction,
      { adminPass, rescueImageRef },
      rest,
    );
    return r.body?.adminPass;
  }

  /** Return a rescued server to its own disk. */
  async unrescueServer(server: ServerRef, opts: RequestOptions = {}): Promise<void> {
    return postBareServerAction(this.client, server, 'unrescue', opts);
  }

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
    const { diskConfig, ...rest } = opts;
    await postServerAction(this.client, server, ResizeAction, { flavorRef: flavorId, diskConfig }, rest);
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
    const { signal, timeoutMs, microversion, headers, userData, ...fields } = opts;
    const input: Record<string, unknown> = { imageRef: imageId, ...fields };
    if (userData !== undefined)
      input.userData = userData === null ? null : encodeUserData(userData, 'rebuild action.userData');
    const r = await postServerAction<{ server?: Record<string, unknown> }>(
      this.client,
      server,
      RebuildAction,
      input,
      {
        signal,
        timeoutMs,
        microversion,
        headers,
      },
    );
    return instantiate(Server, this.client, r.body?.server ?? { id: serverIdOf(server) }, r.headers);
  }

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
    const { metadata, ...rest } = opts;
    return imageIdFromAction(
      await postServerAction<{ image_id?: string }>(
        this.client,
        server,
        CreateImageAction,
        { name, metadata },
        rest,
      ),
    );
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
    const { metadata, ...rest } = opts;
    return imageIdFromAction(
      await postServerAction<{ image_id?: string }>(
        this.client,
        server,
        CreateBackupAction,
        { name, backupType, rotation, metadata },
        rest,
      ),
    );
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
    const { length, ...rest } = opts;
    const r = await postServerAction<{ output?: string }>(
      this.client,
      server,
      ConsoleOutputAction,
      { length },
      rest,
    );
    return r.body?.output ?? '';
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
    const { availabilityZone, host, ...rest } = opts;
    if (availabilityZone === undefined && host === undefined)
      return postBareServerAction(this.client, server, 'unshelve', rest);
    await postServerAction(this.client, server, UnshelveAction, { availabilityZone, host }, rest);
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
    const { host, ...rest } = opts;
    if (host === undefined) return postBareServerAction(this.client, server, 'migrate', rest);
    await postServerAction(this.client, server, MigrateAction, { host }, rest);
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
    const { host = null, blockMigration, diskOverCommit, force, ...rest } = opts;
    await this.client.resolve(rest.signal);
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
      rest,
    );
  }

  /**
   * Add a security group (by name or id) to every port of the server.
   *
   * @example
   * ```ts
   * const server = await conn.compute.findServer('web1');
   * await conn.compute.addServerSecurityGroup(server, 'web');
   * await conn.compute.removeServerSecurityGroup(server, 'default');
   * ```
   */
  async addServerSecurityGroup(server: ServerRef, group: string, opts: RequestOptions = {}): Promise<void> {
    await postServerAction(this.client, server, AddSecurityGroupAction, { name: group }, opts);
  }

  /** Remove a security group (by name or id) from the server's ports. */
  async removeServerSecurityGroup(
    server: ServerRef,
    group: string,
    opts: RequestOptions = {},
  ): Promise<void> {
    await postServerAction(this.client, server, RemoveSecurityGroupAction, { name: group }, opts);
  }

  // --- metadata

  /** All metadata of a server. */
  async getServerMetadata(server: ServerRef, opts: RequestOptions = {}): Promise<Record<string, string>> {
    return this.serverMetadata.get(serverIdOf(server), opts);
  }

  /** Replace all metadata of a server; keys not given are removed. Resolves with the new metadata. */
  async replaceServerMetadata(
    server: ServerRef,
    metadata: Record<string, string>,
    opts: RequestOptions = {},
  ): Promise<Record<string, string>> {
    return this.serverMetadata.replace(serverIdOf(server), metadata, opts);
  }

  /**
   * Add or change the given keys, keeping the others. Resolves with the whole metadata.
   *
   * @example
   * ```ts
   * const server = await conn.compute.findServer('web1');
   * await conn.compute.updateServerMetadata(server, { role: 'frontend' });
   * console.log(await conn.compute.getServerMetadata(server)); // { role: 'frontend', ... }
   * await conn.compute.deleteServerMetadataItem(server, 'role');
   * ```
   */
  async updateServerMetadata(
    server: ServerRef,
    metadata: Record<string, string>,
    opts: RequestOptions = {},
  ): Promise<Record<string, string>> {
    return this.serverMetadata.update(serverIdOf(server), metadata, opts);
  }

  /**
   * One metadata value (`NotFoundError` when the key is absent).
   *
   * @example
   * ```ts
   * const server = await conn.compute.findServer('web1');
   * await conn.compute.setServerMetadataItem(server, 'role', 'frontend');
   * console.log(await conn.compute.getServerMetadataItem(server, 'role')); // 'frontend'
   * await conn.compute.deleteServerMetadataItem(server, 'role');
   * ```
   */
  async getServerMetadataItem(server: ServerRef, key: string, opts: RequestOptions = {}): Promise<string> {
    const doc = await this.client.decode('GET', this.metaItemPath(server, key), {
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
    });
    return (doc.key('meta', 'object') as Record<string, unknown>)[key] as string;
  }

  /** Set one metadata value. */
  async setServerMetadataItem(
    server: ServerRef,
    key: string,
    value: string,
    opts: RequestOptions = {},
  ): Promise<void> {
    const res = await this.client.request('PUT', this.metaItemPath(server, key), {
      json: { meta: { [key]: value } },
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
    });
    await res.body.dump();
  }

  /** Delete one metadata key. */
  async deleteServerMetadataItem(server: ServerRef, key: string, opts: RequestOptions = {}): Promise<void> {
    return this.serverMetadata.deleteItem(serverIdOf(server), key, opts);
  }

  private metaItemPath(server: ServerRef, key: string): string {
    return `/servers/${encodeURIComponent(serverIdOf(server))}/metadata/${encodeURIComponent(key)}`;
  }

  // --- tags (2.26+)

  /** The tags of a server. */
  async listServerTags(server: ServerRef, opts: RequestOptions = {}): Promise<string[]> {
    return this.serverTags.list(serverIdOf(server), opts);
  }

  /** Replace all tags of a server; resolves with the new list. */
  async replaceServerTags(server: ServerRef, tags: string[], opts: RequestOptions = {}): Promise<string[]> {
    return this.serverTags.set(serverIdOf(server), tags, opts);
  }

  /**
   * Add one tag (no error when present).
   *
   * @example
   * ```ts
   * const server = await conn.compute.findServer('web1');
   * await conn.compute.addServerTag(server, 'frontend');
   * console.log(await conn.compute.serverHasTag(server, 'frontend')); // true
   * ```
   */
  async addServerTag(server: ServerRef, tag: string, opts: RequestOptions = {}): Promise<void> {
    return this.serverTags.add(serverIdOf(server), tag, opts);
  }

  /** Remove one tag (`NotFoundError` when absent). */
  async removeServerTag(server: ServerRef, tag: string, opts: RequestOptions = {}): Promise<void> {
    return this.serverTags.remove(serverIdOf(server), tag, opts);
  }

  /**
   * Whether the server has a tag.
   *
   * @example
   * ```ts
   * const server = await conn.compute.findServer('web1');
   * if (!(await conn.compute.serverHasTag(server, 'monitored'))) await conn.compute.addServerTag(server, 'monitored');
   * ```
   */
  async serverHasTag(server: ServerRef, tag: string, opts: RequestOptions = {}): Promise<boolean> {
    return this.serverTags.has(serverIdOf(server), tag, opts);
  }

  /** Remove every tag. */
  async clearServerTags(server: ServerRef, opts: RequestOptions = {}): Promise<void> {
    return this.serverTags.clear(serverIdOf(server), opts);
  }

  // --- addresses

  /**
   * The server's addresses by network name (`/servers/{id}/ips`).
   *
   * @example
   * ```ts
   * const server = await conn.compute.findServer('web1');
   * for (const [network, addrs] of Object.entries(await conn.compute.listServerAddresses(server)))
   *   for (const a of addrs) console.log(network, a.addr, a['OS-EXT-IPS:type']);
   * ```
   */
  async listServerAddresses(
    server: ServerRef,
    opts: RequestOptions = {},
  ): Promise<Record<string, ServerAddress[]>> {
    const doc = await this.client.decode('GET', `/servers/${encodeURIComponent(serverIdOf(server))}/ips`, {
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
    });
    return doc.key('addresses', 'object');
  }

  /** The server's addresses on one network (`NotFoundError` when it has none there). */
  async getServerAddresses(
    server: ServerRef,
    network: string,
    opts: RequestOptions = {},
  ): Promise<ServerAddress[]> {
    const doc = await this.client.decode(
      'GET',
      `/servers/${encodeURIComponent(serverIdOf(server))}/ips/${encodeURIComponent(network)}`,
      { signal: opts.signal, timeoutMs: opts.timeoutMs },
    );
    return doc.key(network, 'array');
  }
}

export type { SchedulerHints, ServerCreateInput };
