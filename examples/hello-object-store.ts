/**
 * The seed's first example: create a container and an object, read it back (the SDK checks
 * the MD5 of what it received against the object's ETag), then delete both.
 * Run: node --import tsx examples/hello-object-store.ts [cloud]
 */
import { Connection } from '../src/index.js';

export async function helloObjectStore(conn: Connection, log: (s: string) => void): Promise<void> {
  await conn.objectStore.createContainer('my_container');
  log('created container my_container');
  await conn.objectStore.createObject({ container: 'my_container', name: 'my_obj', data: 'Hello, world!' });
  log('created object my_container/my_obj');
  const back = await conn.objectStore.downloadObject('my_container', 'my_obj');
  log(
    `read it back: "${back.data.toString('utf8')}" (${back.verification} verified, etag ${back.object.etag})`,
  );
  // so that the example can run again, and leaves nothing behind
  await conn.objectStore.deleteObject('my_container', 'my_obj');
  await conn.objectStore.deleteContainer('my_container');
  log('deleted my_container/my_obj and my_container');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const conn = Connection.fromCloud(process.argv[2] ?? process.env.OS_CLOUD ?? 'devcloud-demo');
  try {
    await helloObjectStore(conn, console.log);
  } finally {
    await conn.close();
  }
}
