/**
 * The seed's second example: create a keypair and a server that uses it, wait until it is
 * ACTIVE, list servers; then delete both (pass --keep to leave them).
 * Run: node --import tsx examples/server-with-keypair.ts [cloud] [--keep]
 */
import { Connection } from '../src/index.js';

export async function serverWithKeypair(
  conn: Connection,
  log: (s: string) => void,
  keep = false,
): Promise<void> {
  const stamp = Date.now().toString(36);
  const keypair = await conn.compute.createKeypair({ name: `example-key-${stamp}` });
  log(`created keypair ${keypair.name} (fingerprint ${keypair.fingerprint})`);
  const image = await conn.image.findImage('cirros');
  const flavor = await conn.compute.findFlavor('m1.nano');
  const network = await conn.network.findNetwork('private');
  const server = await conn.compute.createServer({
    name: `example-server-${stamp}`,
    imageRef: image.id,
    flavorRef: flavor.id,
    networks: [{ uuid: network.id }],
    keyName: keypair.name,
  });
  log(`created server ${server.name} (${server.id}); waiting for ACTIVE`);
  const active = await conn.compute.waitForServer(server, 'ACTIVE', { intervalMs: 1000, timeoutMs: 300_000 });
  const addrs = Object.values(active.addresses ?? {})
    .flat()
    .map((a) => a.addr)
    .join(', ');
  log(`server ${active.name} is ${active.status} with addresses ${addrs || '(none)'}`);
  log('servers in this project:');
  for await (const s of conn.compute.listServers()) log(`  ${s.id}  ${s.name}  ${s.status}`);
  if (!keep) {
    await conn.compute.deleteServer(active);
    await conn.compute.waitForServerDelete(active, { intervalMs: 1000 });
    await conn.compute.deleteKeypair(keypair.name!);
    log(`deleted server ${active.name} and keypair ${keypair.name}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const conn = Connection.fromCloud(
    args.find((a) => !a.startsWith('--')) ?? process.env.OS_CLOUD ?? 'devcloud-demo',
  );
  await serverWithKeypair(conn, console.log, args.includes('--keep'));
  await conn.close();
}
