/** `ostack image ...` implementations. */
import { stat } from 'node:fs/promises';
import { ValidationError } from '../../errors/errors.js';
import type { CliContext } from '../context.js';
import { bytesBar } from '../progress.js';
import { forEachItem, intOption, parseProperties, showRow } from './common.js';

export async function list(
  ctx: CliContext,
  o: {
    public?: boolean;
    private?: boolean;
    shared?: boolean;
    name?: string;
    status?: string;
    tag?: string[];
    long?: boolean;
  },
): Promise<void> {
  const conn = await ctx.connection('image');
  const visibility = o.public ? 'public' : o.private ? 'private' : o.shared ? 'shared' : undefined;
  const images = await conn.image
    .listImages({ visibility, name: o.name, status: o.status, tag: o.tag })
    .toArray();
  const rows = images.map((i) => ({
    ID: i.id,
    Name: i.name,
    Status: i.status,
    'Disk Format': i.diskFormat ?? null,
    'Container Format': i.containerFormat ?? null,
    Size: i.size ?? null,
    Checksum: i.checksum ?? null,
    Visibility: i.visibility,
    Protected: i.isProtected,
    Project: i.owner ?? null,
    Tags: i.tags ?? [],
  }));
  const cols = ['ID', 'Name', 'Status'];
  await ctx.printList(
    rows,
    o.long
      ? [
          ...cols.slice(0, 2),
          'Disk Format',
          'Container Format',
          'Size',
          'Checksum',
          'Status',
          'Visibility',
          'Protected',
          'Project',
          'Tags',
        ]
      : cols,
  );
}

function imageRow(raw: Record<string, unknown>) {
  const base = new Set([
    'checksum',
    'container_format',
    'created_at',
    'disk_format',
    'file',
    'id',
    'min_disk',
    'min_ram',
    'name',
    'owner',
    'protected',
    'schema',
    'size',
    'status',
    'tags',
    'updated_at',
    'virtual_size',
    'visibility',
  ]);
  const properties = Object.fromEntries(Object.entries(raw).filter(([k]) => !base.has(k) && k !== 'self'));
  const core = Object.fromEntries(Object.entries(raw).filter(([k]) => base.has(k)));
  return showRow(core, { properties });
}

export async function show(ctx: CliContext, image: string): Promise<void> {
  const conn = await ctx.connection('image');
  await ctx.printOne(imageRow((await conn.image.findImage(image)).raw));
}

export async function create(
  ctx: CliContext,
  name: string,
  o: {
    file?: string;
    diskFormat: string;
    containerFormat: string;
    public?: boolean;
    private?: boolean;
    minDisk?: string;
    minRam?: string;
    property?: string[];
    tag?: string[];
  },
): Promise<void> {
  if (o.public && o.private)
    throw new ValidationError('--public and --private exclude each other', { field: '--public' });
  let size: number | undefined;
  if (o.file) {
    try {
      size = (await stat(o.file)).size;
    } catch (e) {
      throw new ValidationError(`cannot read ${o.file}: ${(e as Error).message}`, { field: '--file' });
    }
  }
  const conn = await ctx.connection('image');
  // the SDK checks both formats before sending and names the allowed values
  type Input = Parameters<typeof conn.image.createImage>[0];
  const created = await conn.image.createImage({
    name,
    diskFormat: o.diskFormat as Input['diskFormat'],
    containerFormat: o.containerFormat as Input['containerFormat'],
    visibility: o.public ? 'public' : 'private',
    ...(o.minDisk !== undefined ? { minDisk: intOption(o.minDisk, '--min-disk') } : {}),
    ...(o.minRam !== undefined ? { minRam: intOption(o.minRam, '--min-ram') } : {}),
    ...(o.tag ? { tags: o.tag } : {}),
    ...(o.property ? { $extra: parseProperties(o.property) } : {}),
  });
  let image = created;
  if (o.file) {
    const bar = await bytesBar(ctx, `upload ${name}`, size ?? 0);
    try {
      const r = await conn.image.uploadImage(created, o.file, { onProgress: (n) => bar.update(n) });
      image = r.image;
    } catch (e) {
      bar.stop();
      // an image without its data is of no use: do not leave it behind
      await conn.image.deleteImage(created.id, { ignoreMissing: true }).catch(() => undefined);
      throw e;
    } finally {
      bar.stop();
    }
  }
  await ctx.printOne(imageRow(image.raw));
}

export async function remove(ctx: CliContext, images: string[]): Promise<void> {
  const conn = await ctx.connection('image');
  await forEachItem(ctx, images, 'image', 'delete', async (i) => {
    const img = await conn.image.findImage(i);
    await conn.image.deleteImage(img.id);
  });
}
