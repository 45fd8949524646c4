/**
 * Snapshots and backups. A volume snapshot (a point-in-time copy kept by the storage backend)
 * and a new volume made from it; a volume backup (a copy kept elsewhere, usually object
 * storage, by the cinder-backup service) when the cloud runs that service; and a server image
 * snapshot (`createServerImage`: nova saves the server's disk as a new glance image). All of it
 * is deleted again.
 *
 * Run: node --import tsx examples/snapshots-and-backups.ts [cloud] [admin-cloud]
 *
 * Whether cinder-backup runs is read from the service list, which needs admin: admin-cloud
 * (default devcloud) is used for that one call. Without the service (the dev cloud) no backup
 * is made — it would only go to `error` and could not be deleted — and the program says so.
 * On the dev cloud nova's fake virt driver uploads no disk data, so the server image stays
 * `queued` instead of becoming `active`; that is reported too.
 */
import { ConfigError, Connection, ForbiddenError } from '../src/index.js';

const fast = { intervalMs: 1000, timeoutMs: 120_000 };

/** Options of {@link snapshotsAndBackups}. */
export interface SnapshotsAndBackupsOptions {
  /** A connection allowed to list block storage services (admin), to find cinder-backup. */
  admin?: Connection;
}

/** Whether an enabled cinder-backup service is up, or undefined when this user cannot tell. */
async function backupServiceUp(conn: Connection): Promise<boolean | undefined> {
  try {
    const services = await conn.blockStorage.listServices({ binary: 'cinder-backup' }).toArray();
    return services.some((s) => s.state === 'up' && s.status === 'enabled');
  } catch (e) {
    if (e instanceof ForbiddenError) return undefined;
    throw e;
  }
}

export async function snapshotsAndBackups(
  conn: Connection,
  log: (s: string) => void,
  opts: SnapshotsAndBackupsOptions = {},
): Promise<void> {
  const prefix = `example-snap-${Date.now().toString(36)}`;
  const bs = conn.blockStorage;

  // 1. Volume snapshot, and a volume restored from it.
  const vol = await bs.createVolume({ name: `${prefix}-vol`, size: 1 });
  try {
    await bs.waitForVolume(vol.id, 'available', fast);
    const snap = await bs.createSnapshot({
      name: `${prefix}-snap`,
      volumeId: vol.id,
      description: 'before the upgrade',
    });
    try {
      const ready = await bs.waitForSnapshot(snap.id, 'available', fast);
      log(`volume ${vol.name}: snapshot ${ready.name} is ${ready.status} (${ready.size} GiB)`);
      const copy = await bs.createVolume({ name: `${prefix}-from-snap`, snapshotId: snap.id });
      try {
        const c = await bs.waitForVolume(copy.id, 'available', fast);
        log(`volume ${c.name} made from the snapshot is ${c.status} (${c.size} GiB)`);
      } finally {
        await bs.deleteVolume(copy.id, { ignoreMissing: true });
        await bs.waitForVolumeDelete(copy.id, fast);
      }

      // 2. Backup, when the cloud has the service.
      const up = await backupServiceUp(opts.admin ?? conn);
      if (up === undefined) {
        log(
          'backup: not tried — listing block storage services needs admin, so this user cannot tell whether cinder-backup runs',
        );
      } else if (!up) {
        log(
          'backup: not tried — this cloud runs no cinder-backup service (a backup would go to error and could not be deleted)',
        );
      } else {
        const backup = await bs.createBackup({ name: `${prefix}-backup`, volumeId: vol.id });
        try {
          const b = await bs.waitForBackup(backup.id, 'available', { intervalMs: 2000, timeoutMs: 300_000 });
          log(`backup ${b.name} is ${b.status} (${b.size} GiB, container ${b.container})`);
        } finally {
          await bs.deleteBackup(backup.id, { ignoreMissing: true });
          await bs.waitForBackupDelete(backup.id, { intervalMs: 2000, timeoutMs: 300_000 });
        }
      }
    } finally {
      await bs.deleteSnapshot(snap.id, { ignoreMissing: true });
      await bs.waitForSnapshotDelete(snap.id, fast);
    }
  } finally {
    await bs.deleteVolume(vol.id, { ignoreMissing: true });
    await bs.waitForVolumeDelete(vol.id, fast);
    log(`deleted the snapshot and volumes of ${prefix}`);
  }

  // 3. Server image snapshot.
  const made = await conn.cloud.createServer({
    name: `${prefix}-vm`,
    image: 'cirros',
    flavor: 'm1.nano',
    network: 'private',
    intervalMs: 1000,
    timeoutMs: 120_000,
  });
  let imageId: string | undefined;
  try {
    imageId = await conn.compute.createServerImage(made.server, `${prefix}-image`, {
      metadata: { purpose: 'example' },
    });
    // nova is done once the server has no task left; by then a real cloud has uploaded the disk
    await conn.compute.waitForServerIdle(made.server, 'ACTIVE', fast);
    let image = await conn.image.getImage(imageId);
    for (let i = 0; i < 3 && image.status !== 'active' && image.status !== 'killed'; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      image = await conn.image.getImage(imageId);
    }
    if (image.status === 'active') {
      log(`server image ${image.name} of ${made.server.name} is active (${image.size} bytes)`);
    } else if (image.status === 'queued') {
      log(
        `server image ${image.name} of ${made.server.name} was created but is still queued: this cloud's ` +
          'virt driver uploaded no disk data (nova fake driver); a real cloud makes it active',
      );
    } else {
      throw new Error(`server image ${image.name} went to ${image.status}`);
    }
  } finally {
    if (imageId) await conn.image.deleteImage(imageId, { ignoreMissing: true });
    await conn.cloud.deleteServer(made.server.id, { intervalMs: 1000 });
    log(`deleted server ${made.server.name} and its image`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const conn = Connection.fromCloud(args[0] ?? process.env.OS_CLOUD ?? 'devcloud-demo');
  // the admin cloud is optional: without it the program says it cannot tell whether backups work
  let admin: Connection | undefined;
  try {
    admin = Connection.fromCloud(args[1] ?? 'devcloud');
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
  }
  try {
    await snapshotsAndBackups(conn, console.log, { admin });
  } finally {
    await conn.close();
    await admin?.close();
  }
}
