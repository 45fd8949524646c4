/**
 * Project cleanup, dry run first: create a few resources whose names share a unique prefix (a
 * network with a subnet, a security group, a volume, a container with an object), ask
 * `cloud.projectCleanup` what it would delete for that prefix (a dry run deletes nothing),
 * print the plan, then run it for real and check that nothing with the prefix is left.
 *
 * Run: node --import tsx examples/project-cleanup.ts [cloud]
 *
 * Always scope a real run (namePrefix and/or createdBefore): without filters it removes
 * everything the project owns.
 */
import { Connection } from '../src/index.js';

export async function projectCleanup(conn: Connection, log: (s: string) => void): Promise<void> {
  const prefix = `example-cleanup-${Date.now().toString(36)}`;
  const filters = { namePrefix: prefix };
  try {
    const cidr = `10.${100 + Math.floor(Math.random() * 150)}.${Math.floor(Math.random() * 250)}.0/24`;
    await conn.cloud.getOrCreateNetwork({ name: `${prefix}-net`, cidr });
    await conn.cloud.getOrCreateSecurityGroup(`${prefix}-sg`, [{ protocol: 'tcp', port: 443 }]);
    const vol = await conn.blockStorage.createVolume({ name: `${prefix}-vol`, size: 1 });
    await conn.blockStorage.waitForVolume(vol.id, 'available', { intervalMs: 1000, timeoutMs: 120_000 });
    await conn.objectStore.createContainer(`${prefix}-c`);
    await conn.objectStore.createObject({ container: `${prefix}-c`, name: 'a.txt', data: 'x' });
    log(`created ${prefix}-net (with a subnet), ${prefix}-sg, ${prefix}-vol, ${prefix}-c`);

    const plan = await conn.cloud.projectCleanup({ filters }); // dryRun defaults to true
    log(`dry run for prefix ${prefix}: ${plan.actions.length} deletions planned, in this order:`);
    for (const a of plan.actions) log(`  ${a.status}  ${a.type.padEnd(15)} ${a.name ?? ''} ${a.id}`);
    if (!(await conn.network.findNetwork(`${prefix}-net`, { ignoreMissing: true }))) {
      throw new Error('the dry run deleted something');
    }

    const done = await conn.cloud.projectCleanup({ dryRun: false, filters, intervalMs: 1000 });
    log(
      `real run: ${done.actions.filter((a) => a.status === 'deleted').length} deleted, ${done.failed} failed`,
    );
    const left = await conn.cloud.projectCleanup({ filters });
    if (left.actions.length)
      throw new Error(`left behind: ${left.actions.map((a) => `${a.type} ${a.name}`).join(', ')}`);
    log('a second dry run finds nothing left');
  } finally {
    // on an early failure, whatever was created still goes
    await conn.cloud.projectCleanup({ dryRun: false, filters, intervalMs: 1000 });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const conn = Connection.fromCloud(process.argv[2] ?? process.env.OS_CLOUD ?? 'devcloud-demo');
  try {
    await projectCleanup(conn, console.log);
  } finally {
    await conn.close();
  }
}
