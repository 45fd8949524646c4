/** `ostack object ...` implementations. */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ValidationError } from '../../errors/errors.js';
import type { CliContext } from '../context.js';
import { bytesBar } from '../progress.js';
import { forEachItem, intOption, showRow } from './common.js';

export async function list(
  ctx: CliContext,
  container: string,
  o: { prefix?: string; delimiter?: string; long?: boolean },
): Promise<void> {
  const conn = await ctx.connection('objectStore');
  const rows = (
    await conn.objectStore.listObjects(container, { prefix: o.prefix, delimiter: o.delimiter }).toArray()
  ).map((x) => ({
    Name: x.name ?? x.subdir,
    Bytes: x.bytes ?? null,
    Hash: x.hash ?? null,
    'Content Type': x.contentType ?? null,
    'Last Modified': x.lastModified ?? null,
  }));
  await ctx.printList(rows, o.long ? ['Name', 'Bytes', 'Hash', 'Content Type', 'Last Modified'] : ['Name']);
}

export async function show(ctx: CliContext, container: string, object: string): Promise<void> {
  const conn = await ctx.connection('objectStore');
  const x = await conn.objectStore.getObjectMetadata(container, object);
  const h = x.headers;
  await ctx.printOne(
    showRow({
      account: await conn.objectStore.accountName(),
      container,
      content_length: h['content-length'] ?? null,
      content_type: h['content-type'] ?? null,
      etag: h.etag ?? null,
      last_modified: h['last-modified'] ?? null,
      object,
      properties: Object.fromEntries(
        Object.entries(h)
          .filter(([k]) => k.startsWith('x-object-meta-'))
          .map(([k, v]) => [k.slice('x-object-meta-'.length), v]),
      ),
    }),
  );
}

export async function upload(
  ctx: CliContext,
  container: string,
  files: string[],
  o: { name?: string; segmentSize?: string },
): Promise<void> {
  if (o.name && files.length > 1)
    throw new ValidationError('names one object: pass one file', { field: '--name' });
  const segmentSize = intOption(o.segmentSize, '--segment-size');
  const sizes: number[] = [];
  for (const f of files) {
    try {
      const s = await stat(f);
      if (!s.isFile()) throw new Error('not a regular file');
      sizes.push(s.size);
    } catch (e) {
      throw new ValidationError(`cannot upload ${f}: ${(e as Error).message}`, { field: 'file' });
    }
  }
  const conn = await ctx.connection('objectStore');
  const rows: Record<string, unknown>[] = [];
  for (const [i, file] of files.entries()) {
    const name = o.name ?? file;
    const bar = await bytesBar(ctx, `upload ${name}`, sizes[i] ?? 0);
    try {
      const obj = await conn.objectStore.createObject({
        container,
        name,
        file,
        ...(segmentSize ? { segmentSize } : {}),
        onBytes: (n) => bar.increment(n),
      });
      rows.push({ object: name, container, etag: obj.etag ?? obj.headers.etag ?? null });
    } finally {
      bar.stop();
    }
  }
  await ctx.printList(rows, ['object', 'container', 'etag']);
}

/** Counts bytes passing through, for the progress bar. */
function counter(onBytes: (n: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      onBytes(chunk.length);
      cb(null, chunk);
    },
  });
}

export async function download(
  ctx: CliContext,
  container: string,
  object: string,
  o: { file?: string },
): Promise<void> {
  const conn = await ctx.connection('objectStore');
  const d = await conn.objectStore.streamObject(container, object);
  const target = o.file ?? object;
  const total = Number(d.object.headers['content-length'] ?? d.object.bytes ?? 0);
  if (target === '-') {
    await pipeline(d.stream, ctx.out);
    return;
  }
  await mkdir(dirname(target), { recursive: true });
  const bar = await bytesBar(ctx, `download ${object}`, total);
  const tmp = `${target}.ostack-partial`;
  try {
    // written beside the target and renamed once verified: a failed download leaves no file
    await pipeline(
      d.stream,
      counter((n) => bar.increment(n)),
      createWriteStream(tmp),
    );
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  } finally {
    bar.stop();
  }
}

export async function remove(ctx: CliContext, container: string, objects: string[]): Promise<void> {
  const conn = await ctx.connection('objectStore');
  await forEachItem(ctx, objects, 'object', 'delete', (x) => conn.objectStore.deleteObject(container, x));
}
