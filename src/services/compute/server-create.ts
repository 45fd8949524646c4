/**
 * `POST /servers`: the declared fields of {@link Server}, plus what nova takes beside the
 * `server` object (`os:scheduler_hints`) and user data as bytes.
 */
import { ValidationError } from '../../errors/errors.js';
import {
  type CreateAttributes,
  instantiate,
  type PartialResource,
  type RequestOptions,
  toRequest,
} from '../../resource/index.js';
import { decodeJson } from '../../session/decode.js';
import type { ServiceClient } from '../../session/service-client.js';
import { type SchedulerHints, Server } from './server.js';
import { encodeUserData } from './user-data.js';

type ServerFields = (typeof Server)['fields'];

/** Input of `createServer`. */
export type ServerCreateInput = Omit<CreateAttributes<ServerFields>, 'userData'> & {
  /** Base64 text, or bytes the SDK encodes (see `user-data.ts`). */
  userData?: string | Uint8Array;
  /** Sent as `os:scheduler_hints` beside the server. */
  schedulerHints?: SchedulerHints;
};

/** Validate and send a create; answers with the server (nova's partial answer merged over the input). */
export async function createServer(
  client: ServiceClient,
  input: ServerCreateInput,
  opts: RequestOptions = {},
): Promise<PartialResource<ServerFields>> {
  await client.resolve(opts.signal);
  const { schedulerHints, userData, ...rest } = input;
  const attrs: Record<string, unknown> = { ...rest };
  if (userData !== undefined) attrs.userData = encodeUserData(userData);
  const extra = rest.$extra as Record<string, unknown> | undefined;
  if (attrs.networks === undefined && !(extra && 'networks' in extra) && client.supports('2.37')) {
    throw new ValidationError('is required from compute microversion 2.37', {
      field: 'server.networks',
      fix: "pass networks: 'auto' (nova picks or allocates one), 'none', or [{ uuid: networkId }]",
    });
  }
  if (schedulerHints !== undefined && (typeof schedulerHints !== 'object' || schedulerHints === null)) {
    throw new ValidationError('must be an object', {
      field: 'server.schedulerHints',
      fix: 'pass { group: id }',
    });
  }
  const parts = toRequest(Server, attrs, 'create', client);
  const json: Record<string, unknown> = { server: parts.body };
  if (schedulerHints) json['os:scheduler_hints'] = schedulerHints;
  // buffered: the transport holds the body to the caller's maxBodyBytes
  const res = await client.request('POST', '/servers', { json, headers: parts.headers, buffer: true }, opts);
  // nova always answers a create (202) with a document: { server: { id, links, adminPass, ... } },
  // or { reservation_id } with return_reservation_id; anything else is not a server we can report
  const doc = await decodeJson(res, { required: true });
  const answer: Record<string, unknown> =
    doc.optionalKey('reservation_id', 'string') !== undefined && !('server' in doc.object())
      ? doc.object()
      : doc.resource('server');
  if (answer.id !== undefined && (typeof answer.id !== 'string' || !answer.id))
    throw doc.fail('wrong-type', '"server.id" is not a non-empty string');
  return instantiate(Server, client, { ...parts.body, ...answer }, res.headers);
}
