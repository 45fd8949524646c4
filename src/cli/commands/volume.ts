/** `ostack volume ...` implementations. */
import type { CliContext } from '../context.js';
import { waitBar } from '../progress.js';
import { forEachItem, intOption, parseProperties, showRow } from './common.js';

function attachedTo(attachments: { server_id?: string; device?: string }[] | null | undefined): string[] {
  return (attachments ?? []).map((a) => `Attached to ${a.server_id} on ${a.device ?? ''}`.trim());
}

export async function list(
  ctx: CliContext,
  o: { name?: string; status?: string; allProjects?: boolean; long?: boolean },
): Promise<void> {
  const conn = await ctx.connection('blockStorage');
  // filtered here: cinder refuses name/status filters its resource filters file does not allow
  const volumes = (
    await conn.blockStorage.listVolumes({ allTenants: o.allProjects ? true : undefined }).toArray()
  ).filter(
    (v) => (o.name === undefined || v.name === o.name) && (o.status === undefined || v.status === o.status),
  );
  const rows = volumes.map((v) => ({
    ID: v.id,
    Name: v.name,
    Status: v.status,
    Size: v.size,
    'Attached to': attachedTo(v.attachments as { server_id?: string; device?: string }[]),
    Type: v.volumeType ?? null,
    Bootable: v.bootable,
    Properties: v.metadata ?? {},
  }));
  const cols = ['ID', 'Name', 'Status', 'Size', 'Attached to'];
  await ctx.printList(
    rows,
    o.long ? ['ID', 'Name', 'Status', 'Size', 'Type', 'Bootable', 'Attached to', 'Properties'] : cols,
  );
}

export async function show(ctx: CliContext, volume: string): Promise<void> {
  const conn = await ctx.connection('blockStorage');
  const v = await conn.blockStorage.findVolume(volume);
  const { metadata, ...rest } = v.raw as Record<string, unknown>;
  await ctx.printOne(showRow(rest, { properties: metadata ?? {} }));
}

export async function create(
  ctx: CliContext,
  name: string,
  o: {
    size: string;
    image?: string;
    snapshot?: string;
    type?: string;
    description?: string;
    availabilityZone?: string;
    property?: string[];
    wait?: boolean;
  },
): Promise<void> {
  const size = intOption(o.size, '--size');
  const conn = await ctx.connection('image', 'blockStorage');
  const imageRef = o.image ? (await conn.image.findImage(o.image)).id : undefined;
  const snapshotId = o.snapshot ? (await conn.blockStorage.findSnapshot(o.snapshot)).id : undefined;
  let v = await conn.blockStorage.createVolume({
    name,
    size,
    ...(imageRef ? { imageRef } : {}),
    ...(snapshotId ? { snapshotId } : {}),
    ...(o.type ? { volumeType: o.type } : {}),
    ...(o.description ? { description: o.description } : {}),
    ...(o.availabilityZone ? { availabilityZone: o.availabilityZone } : {}),
    ...(o.property ? { metadata: parseProperties(o.property) } : {}),
  });
  if (o.wait) {
    const bar = await waitBar(ctx, `volume ${name}`);
    try {
      v = await conn.blockStorage.waitForVolume(v.id, 'available', {
        intervalMs: 1000,
        onPoll: (status, ms) => bar.update(Math.min(95, Math.round(ms / 1000)), { status }),
      });
    } finally {
      bar.stop();
    }
  }
  const { metadata, ...rest } = v.raw as Record<string, unknown>;
  await ctx.printOne(showRow(rest, { properties: metadata ?? {} }));
}

export async function remove(
  ctx: CliContext,
  volumes: string[],
  o: { purge?: boolean; wait?: boolean },
): Promise<void> {
  const conn = await ctx.connection('blockStorage');
  await forEachItem(ctx, volumes, 'volume', 'delete', async (name) => {
    const v = await conn.blockStorage.findVolume(name);
    await conn.blockStorage.deleteVolume(v.id, { cascade: o.purge });
    if (o.wait) await conn.blockStorage.waitForVolumeDelete(v.id, { intervalMs: 1000 });
  });
}
