/** Temporary URLs on the dev cloud: used without a token, refused when expired or wrongly signed. */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { request } from 'undici';
import { functionalSuite } from '../../support/cloud.js';
import { scratchContainer } from './helpers.js';

async function fetchStatus(
  url: string,
  method = 'GET',
  body?: string,
): Promise<{ status: number; text: string }> {
  const r = await request(url, { method: method as 'GET', body });
  return { status: r.statusCode, text: await r.body.text() };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

functionalSuite('object store: temp URLs', (suite) => {
  const conn = suite.demo();
  const os = conn.objectStore;
  const { cleanup } = suite;
  let c: string;
  before(async () => {
    c = scratchContainer(os, cleanup, 'tmpurl');
    await os.createContainer(c);
    // a container key: the account key is shared with other tests of the demo project
    await os.setContainerTempUrlKey(c, `key-${c}`);
    await os.createObject({ container: c, name: 'dir/file ü.txt', data: 'temporary' });
  });

  test('GET without a token with HMAC-SHA256 (default), SHA-512 and (asked for) SHA-1', async () => {
    for (const digest of [undefined, 'sha512', 'sha1'] as const) {
      const url = await os.generateTempUrl({ container: c, name: 'dir/file ü.txt', expiresIn: 60, digest });
      assert.deepEqual(await fetchStatus(url), { status: 200, text: 'temporary' }, digest ?? 'sha256');
    }
    const head = await os.generateTempUrl({ container: c, name: 'dir/file ü.txt', expiresIn: 60 });
    assert.equal((await fetchStatus(head, 'HEAD')).status, 200, 'a GET URL also allows HEAD');
    assert.equal((await fetchStatus(head, 'DELETE')).status, 401, 'but not DELETE');
  });

  test('expired and wrongly signed URLs are refused', async () => {
    // 5 s, not 1: under load a 1 s URL (whose expiry second may end 0.1 s after signing) can
    // expire before its first use; wait for the expiry the URL itself carries
    const short = await os.generateTempUrl({ container: c, name: 'dir/file ü.txt', expiresIn: 5 });
    assert.equal((await fetchStatus(short)).status, 200, 'a fresh short-lived URL works');
    const expires = Number(new URL(short).searchParams.get('temp_url_expires'));
    assert.ok(Number.isFinite(expires), `temp_url_expires in ${short}`);
    await sleep(Math.max(0, expires * 1000 - Date.now()) + 1100);
    assert.equal((await fetchStatus(short)).status, 401, 'the same URL after its expiry');
    const good = await os.generateTempUrl({ container: c, name: 'dir/file ü.txt', expiresIn: 60 });
    const u = new URL(good);
    const sig = u.searchParams.get('temp_url_sig')!;
    u.searchParams.set('temp_url_sig', `${sig[0] === '0' ? '1' : '0'}${sig.slice(1)}`);
    assert.equal((await fetchStatus(u.toString())).status, 401);
    const other = await os.generateTempUrl({
      container: c,
      name: 'dir/file ü.txt',
      expiresIn: 60,
      key: 'not-the-key',
    });
    assert.equal((await fetchStatus(other)).status, 401);
    const past = await os.generateTempUrl({
      container: c,
      name: 'dir/file ü.txt',
      expiresAt: new Date(Date.now() - 1000),
    });
    assert.equal((await fetchStatus(past)).status, 401);
  });

  test('PUT URL uploads; prefix URL covers every object under the prefix', async () => {
    const put = await os.generateTempUrl({
      container: c,
      name: 'dir/uploaded.txt',
      method: 'PUT',
      expiresIn: 60,
    });
    assert.equal((await fetchStatus(put, 'PUT', 'via temp url')).status, 201);
    assert.equal((await os.downloadObject(c, 'dir/uploaded.txt')).data.toString(), 'via temp url');
    const pre = new URL(await os.generateTempUrl({ container: c, prefix: 'dir/', expiresIn: 60 }));
    for (const leaf of ['uploaded.txt', 'file%20%C3%BC.txt']) {
      const u = new URL(pre);
      u.pathname += leaf;
      assert.equal((await fetchStatus(u.toString())).status, 200, leaf);
    }
  });

  test('rotation: URLs signed with the old key keep working from slot 2', async () => {
    const before = await os.generateTempUrl({ container: c, name: 'dir/file ü.txt', expiresIn: 60 });
    const next = await os.rotateTempUrlKey({ container: c });
    const keys = await os.getTempUrlKeys({ container: c });
    assert.deepEqual(keys.container, [next, `key-${c}`]);
    assert.equal((await fetchStatus(before)).status, 200, 'old URL still valid');
    const after = await os.generateTempUrl({ container: c, name: 'dir/file ü.txt', expiresIn: 60 });
    assert.equal((await fetchStatus(after)).status, 200);
    assert.notEqual(before, after);
    const meta = await os.getContainerMetadata(c);
    assert.equal(meta.hasTempUrlKey, true);
    assert.doesNotMatch(JSON.stringify([meta.toJSON(), meta.headers, meta.metadata]), new RegExp(next));
  });
});
