/**
 * Every example in examples/ runs against the dev cloud (this is how CI runs them), says what
 * it did, and leaves nothing behind. Each example checks its own results and throws when one
 * is wrong; here each must resolve, log the lines that prove its point, and together they
 * must leave no resource, key pair or container named `example-...` that was not there before.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { EXAMPLES, type ExampleContext, optionalConnection } from '../../../examples/run-all.js';
import { ADMIN_CLOUD, demoConnection } from '../../support/cloud.js';

/** What each example must have logged (its own checks passed when it resolves). */
const EXPECT: Record<string, RegExp[]> = {
  'hello-object-store': [/read it back: "Hello, world!" \(md5 verified/, /deleted my_container/],
  'server-with-keypair': [/server example-server-\S+ is ACTIVE with addresses 10\.0\.0\./, /deleted server/],
  'reachable-server': [
    /security group \S+: ingress tcp\/22 and tcp\/80/,
    /server \S+ is ACTIVE: private \d+\.\d+\.\d+\.\d+, floating 172\.24\.4\.\d+/,
    /reach it with: ssh -i \S+ root@172\.24\.4\.\d+/,
    /http:\/\/172\.24\.4\.\d+\//,
    /fetched http:\/\/172\.24\.4\.\d+\/: "hello from example-demo-\S+-vm"/,
    /cleaned up: server, floating-ip, router-interface, router, subnet, network, security-group, key pair/,
  ],
  'directory-transfer': [/in 4 segments/, /identical, byte for byte/],
  'temp-url': [/without a token: 200/, /changed: 401/, /temp_url_sig=\*\*\*/],
  'boot-from-volume': [
    /server \S+ is ACTIVE, booted from volume \S+ \(in-use, bootable true, zone dataplane\)/,
    /attached as \/dev\/vd[b-z], in-use/,
    /detached, available/,
    /its root volume went with it/,
    /deleted volume/,
  ],
  'snapshots-and-backups': [
    /snapshot \S+ is available/,
    /made from the snapshot is available/,
    /backup: (not tried|\S+ is available)/,
    /server image \S+ of \S+ (is active|was created but is still queued)/,
  ],
  'image-checksum': [/\{"size":true,"checksum":true,"hash":true\}/, /identical/, /deleted image/],
  'project-cleanup': [
    /planned\s+network\s+example-cleanup-/,
    /real run: 5 deleted, 0 failed/,
    /nothing left/,
  ],
  'errors-and-retries': [
    /NotFoundError: status 404/,
    /requestId req-/,
    /ValidationError .*field volume\.size/,
    /ConfigError: .*no-such-cloud/,
    /AbortedError/,
    /TimeoutError after \d+ ms/,
    /answered 503 twice: 200 .* after 3 attempts/,
  ],
  'application-credentials': [/methods application_credential/, /roles reader/, /listed \d+ images with it/],
};

describe('examples', { timeout: 600_000 }, () => {
  const conn = demoConnection();
  const admin = optionalConnection(ADMIN_CLOUD);
  let before0: Set<string>;

  /** Everything of the demo project (and user) whose name starts with `example-`. */
  async function leftovers(): Promise<Set<string>> {
    const plan = await conn.cloud.projectCleanup({ filters: { namePrefix: 'example-' } });
    const keys = (await conn.compute.listKeypairs().toArray()).filter((k) => k.name?.startsWith('example-'));
    const creds = (await conn.identity.listApplicationCredentials().toArray()).filter((c) =>
      c.name?.startsWith('example-'),
    );
    return new Set([
      ...plan.actions.map((a) => `${a.type} ${a.name ?? ''} ${a.id}`),
      ...keys.map((k) => `keypair ${k.name}`),
      ...creds.map((c) => `application credential ${c.name}`),
    ]);
  }

  before(async () => {
    before0 = await leftovers();
  });
  after(async () => {
    try {
      const now = await leftovers();
      const added = [...now].filter((x) => !before0.has(x));
      assert.deepEqual(added, [], `the examples left these behind:\n${added.join('\n')}`);
    } finally {
      await conn.close();
      await admin?.close();
    }
  });

  test('every examples/*.ts program is in run-all and has expectations here', () => {
    const dir = fileURLToPath(new URL('../../../examples/', import.meta.url));
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && f !== 'run-all.ts')
      .map((f) => f.slice(0, -3))
      .sort();
    assert.deepEqual([...EXAMPLES.map((e) => e.name)].sort(), files, 'run-all.ts EXAMPLES vs examples/');
    assert.deepEqual(Object.keys(EXPECT).sort(), files, 'EXPECT vs examples/');
  });

  for (const ex of EXAMPLES) {
    test(`${ex.name}: ${ex.title}`, async () => {
      const lines: string[] = [];
      const ctx: ExampleContext = { conn, admin, log: (s) => lines.push(s), keep: false };
      const t0 = Date.now();
      try {
        await ex.run(ctx);
      } catch (e) {
        assert.fail(`${ex.name} failed: ${(e as Error).message}\n${lines.join('\n')}`);
      }
      const text = lines.join('\n');
      for (const re of EXPECT[ex.name] ?? []) assert.match(text, re, `${ex.name} output:\n${text}`);
      console.log(`${ex.name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    });
  }
});
