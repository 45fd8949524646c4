/**
 * Boot from volume, and a data volume attached and detached: a server whose root disk is a
 * cinder volume made from the image (so the disk can outlive the server), then a second, empty
 * volume attached to the running server and detached again with the cloud layer's waits.
 * Everything is deleted at the end, also when a step fails.
 *
 * Run: node --import tsx examples/boot-from-volume.ts [cloud]
 *
 * Settings (environment; the defaults are the dev cloud's data plane, whose volumes really reach
 * the guest): OSSDK_DEMO_IMAGE (ossdk-guest), OSSDK_DEMO_FLAVOR (m1.nano), OSSDK_DEMO_ZONE (the
 * availability zone of the server and its volumes: dataplane), OSSDK_DEMO_NETWORK (private). An
 * empty zone means none. On another cloud, e.g.:
 *
 *   OSSDK_DEMO_IMAGE=ubuntu-24.04 OSSDK_DEMO_FLAVOR=m1.small OSSDK_DEMO_ZONE= OSSDK_DEMO_NETWORK=mynet \
 *   node --import tsx examples/boot-from-volume.ts mycloud
 */
import { Connection } from '../src/index.js';

const waits = { intervalMs: 1000, timeoutMs: 300_000 };

export async function bootFromVolume(conn: Connection, log: (s: string) => void): Promise<void> {
  const env = process.env;
  const image = env.OSSDK_DEMO_IMAGE || 'ossdk-guest';
  const flavor = env.OSSDK_DEMO_FLAVOR || 'm1.nano';
  const network = env.OSSDK_DEMO_NETWORK || 'private';
  const zone = env.OSSDK_DEMO_ZONE === undefined ? 'dataplane' : env.OSSDK_DEMO_ZONE || undefined;
  const prefix = `example-bfv-${Date.now().toString(36)}`;

  // The root disk: a 1 GiB volume made from the image, in the server's zone, deleted with the
  // server (deleteVolumeOnTermination defaults to true). createServer removes what it made if
  // any step fails.
  const made = await conn.cloud.createServer({
    name: `${prefix}-server`,
    image,
    flavor,
    network,
    availabilityZone: zone,
    bootFromVolume: true,
    volumeSize: 1,
    ...waits,
  });
  const server = made.server;
  const rootId = made.createdResources.find((r) => r.type === 'volume')?.id;
  let dataId: string | undefined;
  try {
    const root = rootId ? await conn.blockStorage.getVolume(rootId) : undefined;
    log(
      `server ${server.name} is ${server.status}, booted from volume ${root?.name} (${root?.status}, ` +
        `bootable ${root?.bootable}, zone ${root?.availabilityZone}) made from image ${image}`,
    );

    // A data disk: an empty volume in the same zone, attached while the server runs.
    const data = await conn.blockStorage.createVolume({
      name: `${prefix}-data`,
      size: 1,
      ...(zone ? { availabilityZone: zone } : {}),
    });
    dataId = data.id;
    await conn.blockStorage.waitForVolume(data, 'available', waits);
    const attached = await conn.cloud.attachVolume(server.id, data.id, waits);
    log(`volume ${data.name} attached as ${attached.device}, ${attached.volume.status}`);
    const detached = await conn.cloud.detachVolume(server.id, data.id, waits);
    log(`volume ${data.name} detached, ${detached.volume.status}`);
  } finally {
    await conn.cloud.deleteServer(server.id, waits);
    log(`deleted server ${server.name}`);
    if (rootId) {
      // nova deletes the root volume after the server; wait so the project is clean when we return
      await conn.blockStorage.waitForVolumeDelete(rootId, waits);
      log('its root volume went with it');
    }
    if (dataId) {
      await conn.blockStorage.deleteVolume(dataId, { ignoreMissing: true });
      await conn.blockStorage.waitForVolumeDelete(dataId, waits);
      log(`deleted volume ${prefix}-data`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const conn = Connection.fromCloud(process.argv[2] ?? process.env.OS_CLOUD ?? 'devcloud-demo');
  try {
    await bootFromVolume(conn, console.log);
  } finally {
    await conn.close();
  }
}
