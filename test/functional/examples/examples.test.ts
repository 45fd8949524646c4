/** The README's main job: the seed's examples run against the dev cloud and say what they did. */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { helloObjectStore } from '../../../examples/hello-object-store.js';
import { serverWithKeypair } from '../../../examples/server-with-keypair.js';
import { demoConnection } from '../../support/cloud.js';

const conn = demoConnection();
after(async () => {
  await conn.objectStore.deleteObject('my_container', 'my_obj', { ignoreMissing: true });
  await conn.objectStore.deleteContainer('my_container').catch(() => {});
  await conn.close();
});

test('hello object store: container, object, read back', async () => {
  const lines: string[] = [];
  await helloObjectStore(conn, (s) => lines.push(s));
  assert.match(lines.join('\n'), /read it back: "Hello, world!" \(md5 verified/);
});

test('server with a keypair: ACTIVE, listed, then deleted with its keypair', async () => {
  const lines: string[] = [];
  await serverWithKeypair(conn, (s) => lines.push(s));
  const text = lines.join('\n');
  const name = /created server (\S+)/.exec(text)?.[1];
  assert.ok(name, text);
  assert.match(text, new RegExp(`server ${name} is ACTIVE with addresses 10\\.0\\.0\\.`));
  assert.match(text, new RegExp(`\\s${name}\\s+ACTIVE`), 'listed');
  const left = await conn.compute.listServers({ name }).toArray();
  assert.equal(left.length, 0, 'the example cleaned up its server');
});
