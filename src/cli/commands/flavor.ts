/** `ostack flavor ...` implementations. */
import type { CliContext } from '../context.js';
import { intOption, showRow } from './common.js';

export async function list(
  ctx: CliContext,
  o: { all?: boolean; private?: boolean; minRam?: string; minDisk?: string; long?: boolean },
): Promise<void> {
  const conn = await ctx.connection('compute');
  const isPublic = o.all ? 'None' : !o.private;
  const flavors = await conn.compute
    .listFlavors({
      isPublic,
      minRam: intOption(o.minRam, '--min-ram'),
      minDisk: intOption(o.minDisk, '--min-disk'),
    })
    .toArray();
  const rows = flavors.map((f) => ({
    ID: f.id,
    Name: f.name,
    RAM: f.ram,
    Disk: f.disk,
    Ephemeral: f.ephemeral ?? 0,
    VCPUs: f.vcpus,
    'Is Public': f.isPublic,
    Swap: f.swap ?? '',
    'RXTX Factor': f.raw.rxtx_factor ?? null,
    Properties: f.extraSpecs ?? {},
  }));
  const cols = ['ID', 'Name', 'RAM', 'Disk', 'Ephemeral', 'VCPUs', 'Is Public'];
  await ctx.printList(rows, o.long ? [...cols, 'Swap', 'RXTX Factor', 'Properties'] : cols);
}

export async function show(ctx: CliContext, flavor: string): Promise<void> {
  const conn = await ctx.connection('compute');
  const f = await conn.compute.findFlavor(flavor);
  const { extra_specs, ...rest } = f.raw as Record<string, unknown>;
  await ctx.printOne(showRow(rest, { properties: extra_specs ?? {} }));
}
