/** `ostack secret ...` implementations (barbican), with openstackclient's columns. */
import { readFile, writeFile } from 'node:fs/promises';
import { ValidationError } from '../../errors/errors.js';
import type {
  ContainerResource,
  ContainerType,
  OrderResource,
  SecretResource,
  SecretType,
} from '../../services/key-manager/index.js';
import type { CliContext } from '../context.js';
import type { Row } from '../output.js';
import { forEachItem, intOption } from './common.js';

const SECRET_COLUMNS = [
  'Secret href',
  'Name',
  'Created',
  'Status',
  'Content types',
  'Algorithm',
  'Bit length',
  'Secret type',
  'Mode',
  'Expiration',
];
const CONTAINER_COLUMNS = ['Container href', 'Name', 'Created', 'Status', 'Type', 'Secrets', 'Consumers'];
const ORDER_COLUMNS = [
  'Order href',
  'Type',
  'Container href',
  'Secret href',
  'Created',
  'Status',
  'Error code',
  'Error message',
];

/** A barbican time as openstackclient prints it: barbican sends UTC without an offset. */
function utc(t: string | null | undefined): string | null {
  if (!t) return null;
  return /(Z|[+-]\d\d:\d\d)$/.test(t) ? t : `${t}+00:00`;
}

function secretRow(s: SecretResource): Row {
  return {
    'Secret href': s.secretRef,
    Name: s.name,
    Created: utc(s.created),
    Status: s.status,
    'Content types': s.contentTypes ?? null,
    Algorithm: s.algorithm,
    'Bit length': s.bitLength,
    'Secret type': s.secretType,
    Mode: s.mode,
    Expiration: utc(s.expiration),
  };
}

function containerRow(c: ContainerResource): Row {
  return {
    'Container href': c.containerRef,
    Name: c.name,
    Created: utc(c.created),
    Status: c.status,
    Type: c.type,
    Secrets: c.secretRefs.map((r) => `${r.name}=${r.secret_ref}`).join('\n') || null,
    Consumers: c.consumers.map((x) => `${x.name}=${x.URL}`).join('\n') || null,
  };
}

function orderRow(o: OrderResource): Row {
  return {
    'Order href': o.orderRef,
    Type: o.type === 'key' ? 'Key' : o.type === 'asymmetric' ? 'Asymmetric' : o.type,
    'Container href': o.type === 'key' ? 'N/A' : (o.containerRef ?? null),
    'Secret href': o.type === 'key' ? (o.secretRef ?? null) : 'N/A',
    Created: utc(o.created),
    Status: o.status,
    'Error code': o.errorStatusCode ?? null,
    'Error message': o.errorReason ?? null,
  };
}

/** `--limit` rows of a listing (all without it). */
async function take<T>(list: AsyncIterable<T>, limit: number | undefined): Promise<T[]> {
  const out: T[] = [];
  if (limit === 0) return out;
  for await (const x of list) {
    out.push(x);
    if (limit !== undefined && out.length >= limit) break;
  }
  return out;
}

export async function store(
  ctx: CliContext,
  o: {
    name?: string;
    secretType?: string;
    payloadContentType?: string;
    payloadContentEncoding?: string;
    algorithm?: string;
    bitLength?: string;
    mode?: string;
    expiration?: string;
    payload?: string;
    file?: string;
  },
): Promise<void> {
  if (o.payload !== undefined && o.file !== undefined) {
    throw new ValidationError('and --file both give the payload', {
      field: '--payload',
      fix: 'pass one of them',
    });
  }
  let payload: string | Uint8Array | undefined = o.payload;
  if (o.file !== undefined) {
    try {
      payload = new Uint8Array(await readFile(o.file));
    } catch (e) {
      throw new ValidationError(`cannot read ${o.file}: ${(e as Error).message}`, {
        field: '--file',
        fix: 'pass a readable file',
      });
    }
  }
  if (o.payloadContentEncoding !== undefined && o.payloadContentEncoding !== 'base64') {
    throw new ValidationError(`must be base64 (got ${o.payloadContentEncoding})`, {
      field: '--payload-content-encoding',
      fix: 'barbican knows only base64',
    });
  }
  const conn = await ctx.connection('keyManager');
  const s = await conn.keyManager.createSecret({
    name: o.name,
    secretType: o.secretType as SecretType | undefined,
    algorithm: o.algorithm,
    bitLength: intOption(o.bitLength, '--bit-length'),
    mode: o.mode,
    expiration: o.expiration,
    payload,
    payloadContentType: o.payloadContentType,
    payloadContentEncoding: o.payloadContentEncoding as 'base64' | undefined,
  });
  await ctx.printOne(secretRow(s));
}

export async function get(
  ctx: CliContext,
  uri: string,
  o: { payload?: boolean; decrypt?: boolean; file?: string; payloadContentType?: string },
): Promise<void> {
  const conn = await ctx.connection('keyManager');
  const km = conn.keyManager;
  const accept = o.payloadContentType ? { accept: o.payloadContentType } : {};
  if (o.file !== undefined) {
    const bytes = await km.getSecretPayload(uri, accept);
    await writeFile(o.file, bytes, { mode: 0o600 });
    return;
  }
  if (o.payload || o.decrypt) {
    await ctx.printOne({ Payload: await km.getSecretPayloadText(uri, accept) });
    return;
  }
  await ctx.printOne(secretRow(await km.getSecret(uri)));
}

export async function list(
  ctx: CliContext,
  o: {
    limit?: string;
    offset?: string;
    name?: string;
    algorithm?: string;
    bitLength?: string;
    mode?: string;
    secretType?: string;
  },
): Promise<void> {
  const conn = await ctx.connection('keyManager');
  const limit = intOption(o.limit, '--limit');
  const rows = await take(
    conn.keyManager.listSecrets({
      name: o.name,
      algorithm: o.algorithm,
      bitLength: intOption(o.bitLength, '--bit-length'),
      mode: o.mode,
      secretType: o.secretType,
      offset: intOption(o.offset, '--offset'),
      ...(limit ? { limit } : {}),
    }),
    limit,
  );
  await ctx.printList(rows.map(secretRow), SECRET_COLUMNS);
}

export async function update(ctx: CliContext, uri: string, payload: string): Promise<void> {
  const conn = await ctx.connection('keyManager');
  await conn.keyManager.putSecretPayload(uri, payload);
}

export async function remove(ctx: CliContext, uris: string[]): Promise<void> {
  const conn = await ctx.connection('keyManager');
  await forEachItem(ctx, uris, 'secret', 'delete', (u) => conn.keyManager.deleteSecret(u));
}

export async function containerCreate(
  ctx: CliContext,
  o: { name?: string; type?: string; secret?: string[] },
): Promise<void> {
  const secrets: Record<string, string> = {};
  for (const s of o.secret ?? []) {
    const i = s.indexOf('=');
    if (i <= 0 || i === s.length - 1) {
      throw new ValidationError(`expected name=uri, got "${s}"`, {
        field: '--secret',
        fix: '--secret private_key=http://.../v1/secrets/<uuid>',
      });
    }
    secrets[s.slice(0, i)] = s.slice(i + 1);
  }
  const conn = await ctx.connection('keyManager');
  const c = await conn.keyManager.createContainer({
    name: o.name,
    type: (o.type ?? 'generic') as ContainerType,
    secrets,
  });
  await ctx.printOne(containerRow(c));
}

export async function containerGet(ctx: CliContext, uri: string): Promise<void> {
  const conn = await ctx.connection('keyManager');
  await ctx.printOne(containerRow(await conn.keyManager.getContainer(uri)));
}

export async function containerList(
  ctx: CliContext,
  o: { limit?: string; offset?: string; name?: string; type?: string },
): Promise<void> {
  const conn = await ctx.connection('keyManager');
  const limit = intOption(o.limit, '--limit');
  const rows = await take(
    conn.keyManager.listContainers({
      name: o.name,
      type: o.type,
      offset: intOption(o.offset, '--offset'),
      ...(limit ? { limit } : {}),
    }),
    limit,
  );
  await ctx.printList(rows.map(containerRow), CONTAINER_COLUMNS);
}

export async function containerRemove(ctx: CliContext, uris: string[]): Promise<void> {
  const conn = await ctx.connection('keyManager');
  await forEachItem(ctx, uris, 'container', 'delete', (u) => conn.keyManager.deleteContainer(u));
}

export async function orderCreate(
  ctx: CliContext,
  type: string,
  o: {
    name?: string;
    algorithm?: string;
    bitLength?: string;
    mode?: string;
    payloadContentType?: string;
    expiration?: string;
    wait?: boolean;
  },
): Promise<void> {
  if (type !== 'key' && type !== 'asymmetric' && type !== 'certificate') {
    throw new ValidationError(`must be key, asymmetric or certificate (got "${type}")`, {
      field: 'type',
      fix: 'ostack secret order create key --algorithm aes --bit-length 256',
    });
  }
  const key = type === 'key';
  const meta = Object.fromEntries(
    Object.entries({
      name: o.name,
      algorithm: o.algorithm ?? (key ? 'aes' : undefined),
      bit_length: intOption(o.bitLength, '--bit-length') ?? (key ? 256 : undefined),
      mode: o.mode ?? (key ? 'cbc' : undefined),
      payload_content_type: o.payloadContentType ?? (key ? 'application/octet-stream' : undefined),
      expiration: o.expiration,
    }).filter(([, v]) => v !== undefined),
  );
  const conn = await ctx.connection('keyManager');
  let order = await conn.keyManager.createOrder({ type, meta });
  if (o.wait) order = await conn.keyManager.waitForOrder(order);
  await ctx.printOne(orderRow(order));
}

export async function orderGet(ctx: CliContext, uri: string): Promise<void> {
  const conn = await ctx.connection('keyManager');
  await ctx.printOne(orderRow(await conn.keyManager.getOrder(uri)));
}

export async function orderList(ctx: CliContext, o: { limit?: string; offset?: string }): Promise<void> {
  const conn = await ctx.connection('keyManager');
  const limit = intOption(o.limit, '--limit');
  const rows = await take(
    conn.keyManager.listOrders({ offset: intOption(o.offset, '--offset'), ...(limit ? { limit } : {}) }),
    limit,
  );
  await ctx.printList(rows.map(orderRow), ORDER_COLUMNS);
}

export async function orderRemove(ctx: CliContext, uris: string[]): Promise<void> {
  const conn = await ctx.connection('keyManager');
  await forEachItem(ctx, uris, 'order', 'delete', (u) => conn.keyManager.deleteOrder(u));
}
