/**
 * Bodies of server actions (`POST /servers/{id}/action` with `{ "<action>": { ... } }`),
 * declared like resources so their input is validated (unknown names, kinds, enumerations,
 * required fields, microversion ranges) before anything is sent. Actions without a body
 * (`os-start`, `pause`, ...) need no declaration.
 */
import { OpenStackError } from '../../errors/errors.js';
import {
  defineResource,
  type Fields,
  f,
  type RequestOptions,
  type ResourceBase,
  type ResourceDefinition,
  requireId,
  resourceAction,
  toRequest,
} from '../../resource/index.js';
import type { JsonDocument } from '../../session/decode.js';
import type { ServiceClient } from '../../session/service-client.js';
import type { Personality } from './server.js';

/** A server, by id or as a fetched resource. */
export type ServerRef = string | ResourceBase<any>;

/** The id of a server reference. */
export function serverIdOf(server: ServerRef, what = 'server'): string {
  return requireId(what, server, what);
}

function actionBody<const F extends Fields>(action: string, fields: F): ResourceDefinition<F> {
  return defineResource({
    name: `${action} action`,
    basePath: '/servers/{server_id}/action',
    resourceKey: action,
    resourcesKey: null,
    fields,
    pagination: 'none',
    allow: { create: false, fetch: false, commit: false, delete: false, list: false },
  });
}

/** Body of the `reboot` action: `SOFT` asks the guest OS, `HARD` power-cycles. */
export const RebootAction = actionBody('reboot', {
  type: f.enum(['SOFT', 'HARD']).required(),
});

/** Body of the `lock` action: a locked server refuses actions from non-admin users. */
export const LockAction = actionBody('lock', {
  /** From microversion 2.73. */
  lockedReason: f.string({ api: 'locked_reason', minVersion: '2.73' }),
});

/** Body of the `rescue` action: boots the server from a rescue image, with an optional admin password. */
export const RescueAction = actionBody('rescue', {
  adminPass: f.string(),
  rescueImageRef: f.string({ api: 'rescue_image_ref' }),
});

/** Body of the `resize` action: moves the server to another flavor (confirm or revert afterwards). */
export const ResizeAction = actionBody('resize', {
  flavorRef: f.string({ required: true }),
  diskConfig: f.enum(['AUTO', 'MANUAL'], { api: 'OS-DCF:diskConfig' }),
});

/** Body of the `rebuild` action: reinstalls the server from an image, keeping its id and addresses. */
export const RebuildAction = actionBody('rebuild', {
  imageRef: f.string({ required: true }),
  name: f.string(),
  adminPass: f.string(),
  accessIpv4: f.string({ api: 'accessIPv4' }),
  accessIpv6: f.string({ api: 'accessIPv6' }),
  metadata: f.object<Record<string, string>>(),
  diskConfig: f.enum(['AUTO', 'MANUAL'], { api: 'OS-DCF:diskConfig' }),
  /** Up to microversion 2.56. */
  personality: f.array<Personality>({ maxVersion: '2.56' }),
  preserveEphemeral: f.boolean({ api: 'preserve_ephemeral' }),
  /** From microversion 2.19. */
  description: f.string({ minVersion: '2.19', nullable: true }),
  /** null removes the key pair (2.54+). */
  keyName: f.string({ api: 'key_name', minVersion: '2.54', nullable: true }),
  /** Base64 user data; null removes it (2.57+). */
  userData: f.string({ api: 'user_data', minVersion: '2.57', nullable: true }),
  /** From microversion 2.63. */
  trustedImageCertificates: f.array<string>({
    api: 'trusted_image_certificates',
    minVersion: '2.63',
    nullable: true,
  }),
  /** From microversion 2.90. */
  hostname: f.string({ minVersion: '2.90' }),
});

/** Body of the `createImage` action: snapshots the server into a new image. */
export const CreateImageAction = actionBody('createImage', {
  name: f.string({ required: true }),
  metadata: f.object<Record<string, string>>(),
});

/** Body of the `createBackup` action: a snapshot image kept in a rotation of `rotation` backups. */
export const CreateBackupAction = actionBody('createBackup', {
  name: f.string({ required: true }),
  backupType: f.string({ api: 'backup_type', required: true }),
  rotation: f.integer({ required: true }),
  metadata: f.object<Record<string, string>>(),
});

/** Body of the `os-getConsoleOutput` action: the last `length` lines of the console log. */
export const ConsoleOutputAction = actionBody('os-getConsoleOutput', {
  /** Number of lines from the end of the log; null or absent for all of it. */
  length: f.integer({ nullable: true }),
});

/** Body of the `changePassword` action: sets the guest's admin password (needs guest support). */
export const ChangePasswordAction = actionBody('changePassword', {
  adminPass: f.string({ required: true }),
});

/** Body of the `os-resetState` action (admin): forces the server's state to `active` or `error`. */
export const ResetStateAction = actionBody('os-resetState', {
  state: f.enum(['active', 'error']).required(),
});

/** Body of the `migrate` action (admin): cold-migrates the server to another host. */
export const MigrateAction = actionBody('migrate', {
  /** From microversion 2.56. */
  host: f.string({ minVersion: '2.56', nullable: true }),
});

/** Body of the `os-migrateLive` action (admin): moves a running server to another host. */
export const LiveMigrateAction = actionBody('os-migrateLive', {
  /** Target host; null lets the scheduler choose. */
  host: f.string({ nullable: true }),
  /** A boolean before 2.25, `'auto'` or a boolean from 2.25. */
  blockMigration: f.any<boolean | 'auto'>({ api: 'block_migration' }),
  // parameters.yaml says max 2.25, but nova's 2.25 request schema already dropped it
  /** Up to microversion 2.24. */
  diskOverCommit: f.boolean({ api: 'disk_over_commit', maxVersion: '2.24' }),
  /** Microversions 2.30 to 2.67. */
  force: f.boolean({ minVersion: '2.30', maxVersion: '2.67' }),
});

/** Body of the `unshelve` action: brings a shelved server back, optionally in another availability zone. */
export const UnshelveAction = actionBody('unshelve', {
  /** Target zone (2.77+); null unpins the server (2.91+). */
  availabilityZone: f.string({ api: 'availability_zone', minVersion: '2.77', nullable: true }),
  /** From microversion 2.91. */
  host: f.string({ minVersion: '2.91' }),
});

/** Body of the `addSecurityGroup` action: adds a security group (by name) to every port of the server. */
export const AddSecurityGroupAction = actionBody('addSecurityGroup', {
  name: f.string({ required: true }),
});

/** Body of the `removeSecurityGroup` action: removes a security group (by name) from the server. */
export const RemoveSecurityGroupAction = actionBody('removeSecurityGroup', {
  name: f.string({ required: true }),
});

/** Result of an action: the parsed body (if any) and the response headers. */
export interface ActionResult<T> {
  body: T | undefined;
  headers: Record<string, string>;
  /** The decoded answer, for reading a key that must be there as a typed error when it is not. */
  doc: JsonDocument;
}

/**
 * Validate `input` against an action declaration and POST it. The microversion is resolved
 * first so fields outside the connection's microversion are rejected before sending.
 */
export async function postServerAction<T = unknown>(
  client: ServiceClient,
  server: ServerRef,
  def: ResourceDefinition<any>,
  input: Record<string, unknown> | null,
  opts: RequestOptions = {},
): Promise<ActionResult<T>> {
  const id = serverIdOf(server);
  await client.resolve(opts.signal);
  const body = input === null ? null : toRequest(def, input, 'create', client).body;
  return resourceAction<T>(client, '/servers', id, def.resourceKey as string, body, opts);
}

/** POST an action that takes no body (`{ "os-start": null }`). */
export async function postBareServerAction(
  client: ServiceClient,
  server: ServerRef,
  action: string,
  opts: RequestOptions = {},
): Promise<void> {
  await resourceAction(client, '/servers', serverIdOf(server), action, null, opts);
}

/**
 * The image id a createImage / createBackup answer carries: `image_id` in the body from 2.45,
 * else the last segment of the `Location` header.
 */
export function imageIdFromAction(r: Pick<ActionResult<{ image_id?: string }>, 'body' | 'headers'>): string {
  if (r.body && typeof r.body === 'object' && typeof r.body.image_id === 'string') return r.body.image_id;
  const loc = r.headers.location;
  const id = loc
    ? decodeURIComponent(new URL(loc, 'http://x/').pathname.split('/').filter(Boolean).pop() ?? '')
    : '';
  if (!id)
    throw new OpenStackError(
      'nova accepted the snapshot but returned neither image_id nor a Location header',
    );
  return id;
}
