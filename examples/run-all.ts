/**
 * The main job: run the seed's examples against a cloud (default: the dev cloud's demo
 * project, or $OS_CLOUD), printing what each step did.
 */
import { Connection } from '../src/index.js';
import { helloObjectStore } from './hello-object-store.js';
import { serverWithKeypair } from './server-with-keypair.js';

const cloud = process.env.OS_CLOUD ?? process.env.OSSDK_TEST_DEMO_CLOUD ?? 'devcloud-demo';
const conn = Connection.fromCloud(cloud);
const log = (s: string) => console.log(`  ${s}`);
let failed = false;
for (const [title, fn] of [
  ['object storage: container and object', () => helloObjectStore(conn, log)],
  [
    'compute: server with a keypair, then list servers',
    () => serverWithKeypair(conn, log, process.argv.includes('--keep')),
  ],
] as const) {
  console.log(`== ${title} (cloud ${cloud})`);
  const t0 = Date.now();
  try {
    await fn();
    console.log(`   ok in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    failed = true;
    console.error(`   FAILED: ${(e as Error).message}`);
  }
}
await conn.close();
process.exitCode = failed ? 1 : 0;
