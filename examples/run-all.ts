/**
 * Runs every example against a cloud and reports each one: title, time, ok or FAILED (exit
 * code 1 when any failed). This is `npm run examples`, the last step of tools/main.sh.
 *
 * Run: node --import tsx examples/run-all.ts [name...] [--keep]
 *
 * Cloud: $OS_CLOUD, else $OSSDK_TEST_DEMO_CLOUD, else devcloud-demo (the dev cloud's demo
 * project). Admin cloud, used by two examples for what only an admin may do: $OSSDK_TEST_CLOUD,
 * else devcloud, when configured. Names (e.g. `temp-url`) run only those examples; --keep
 * leaves the server of server-with-keypair in place.
 */
import { ConfigError, Connection } from '../src/index.js';
import { applicationCredentials } from './application-credentials.js';
import { bootFromVolume } from './boot-from-volume.js';
import { directoryTransfer } from './directory-transfer.js';
import { errorsAndRetries } from './errors-and-retries.js';
import { helloObjectStore } from './hello-object-store.js';
import { imageChecksum } from './image-checksum.js';
import { projectCleanup } from './project-cleanup.js';
import { reachableServer } from './reachable-server.js';
import { serverWithKeypair } from './server-with-keypair.js';
import { snapshotsAndBackups } from './snapshots-and-backups.js';
import { tempUrl } from './temp-url.js';

/** What an example gets to run with. */
export interface ExampleContext {
  conn: Connection;
  /** An admin connection, when one is configured. */
  admin?: Connection;
  log: (s: string) => void;
  keep: boolean;
}

/** One example: its file name (without .ts), a title, and how to run it. */
export interface Example {
  name: string;
  title: string;
  run: (ctx: ExampleContext) => Promise<void>;
}

/** Every example, in the order `npm run examples` runs them. */
export const EXAMPLES: readonly Example[] = [
  {
    name: 'hello-object-store',
    title: 'object storage: container and object',
    run: (c) => helloObjectStore(c.conn, c.log),
  },
  {
    name: 'server-with-keypair',
    title: 'compute: server with a keypair, then list servers',
    run: (c) => serverWithKeypair(c.conn, c.log, c.keep),
  },
  {
    name: 'reachable-server',
    title: "the talk's demo: network, router, security group, key pair, server with a floating IP",
    run: (c) => reachableServer(c.conn, c.log),
  },
  {
    name: 'directory-transfer',
    title: 'object storage: upload a directory, download it again',
    run: (c) => directoryTransfer(c.conn, c.log),
  },
  {
    name: 'temp-url',
    title: 'object storage: a temporary URL fetched without a token',
    run: (c) => tempUrl(c.conn, c.log),
  },
  {
    name: 'boot-from-volume',
    title: 'compute: boot from volume',
    run: (c) => bootFromVolume(c.conn, c.log),
  },
  {
    name: 'snapshots-and-backups',
    title: 'block storage and compute: snapshots, backups, server image',
    run: (c) => snapshotsAndBackups(c.conn, c.log, { admin: c.admin }),
  },
  {
    name: 'image-checksum',
    title: 'image: upload with checksums, verified download',
    run: (c) => imageChecksum(c.conn, c.log),
  },
  {
    name: 'project-cleanup',
    title: 'cloud layer: project cleanup, dry run then real',
    run: (c) => projectCleanup(c.conn, c.log),
  },
  {
    name: 'errors-and-retries',
    title: 'errors, timeouts, cancelling and retries',
    run: (c) => errorsAndRetries(c.conn, c.log),
  },
  {
    name: 'application-credentials',
    title: 'identity: connect with an application credential',
    run: (c) => applicationCredentials(c.conn, c.log),
  },
];

/** A connection to `cloud`, or undefined when no such cloud is configured. */
export function optionalConnection(cloud: string): Connection | undefined {
  try {
    return Connection.fromCloud(cloud);
  } catch (e) {
    if (e instanceof ConfigError) return undefined;
    throw e;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const wanted = args.filter((a) => !a.startsWith('--'));
  const unknown = wanted.filter((w) => !EXAMPLES.some((e) => e.name === w));
  if (unknown.length) {
    console.error(
      `no example named ${unknown.join(', ')}; examples: ${EXAMPLES.map((e) => e.name).join(', ')}`,
    );
    process.exit(2);
  }
  const cloud = process.env.OS_CLOUD ?? process.env.OSSDK_TEST_DEMO_CLOUD ?? 'devcloud-demo';
  const conn = Connection.fromCloud(cloud);
  const admin = optionalConnection(process.env.OSSDK_TEST_CLOUD ?? 'devcloud');
  const ctx: ExampleContext = {
    conn,
    admin,
    log: (s) => console.log(`  ${s}`),
    keep: args.includes('--keep'),
  };
  const failed: string[] = [];
  const started = Date.now();
  try {
    for (const ex of EXAMPLES.filter((e) => !wanted.length || wanted.includes(e.name))) {
      console.log(`== ${ex.title} (examples/${ex.name}.ts, cloud ${cloud})`);
      const t0 = Date.now();
      try {
        await ex.run(ctx);
        console.log(`   ok in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      } catch (e) {
        failed.push(ex.name);
        console.error(`   FAILED after ${((Date.now() - t0) / 1000).toFixed(1)} s: ${(e as Error).message}`);
      }
    }
  } finally {
    await conn.close();
    await admin?.close();
  }
  const total = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    failed.length ? `${failed.length} FAILED (${failed.join(', ')}) in ${total} s` : `all ok in ${total} s`,
  );
  process.exitCode = failed.length ? 1 : 0;
}
