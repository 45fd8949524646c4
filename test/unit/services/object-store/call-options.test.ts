/**
 * A caller's options reach every request of a call: these calls used to forward only the
 * signal (or nothing) to some of their requests, so a `timeoutMs` was silently ignored there.
 * The mock stalls one kind of request well past the timeout: the call must fail with a
 * TimeoutError (directly or as the cause of a LargeObjectUploadError), never wait it out.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { TimeoutError } from '../../../../src/errors/errors.js';
import { LargeObjectUploadError } from '../../../../src/services/object-store/errors.js';
import type { Call } from '../../../support/fake-service.js';
import { type FakeSwift, startSwift } from '../../../support/fakes/swift.js';

const STALL_MS = 1_500;
const TIMEOUT_MS = 150;

let m: FakeSwift;
beforeEach(async () => {
  m = await startSwift();
  await m.os.createContainer('c');
});
afterEach(async () => {
  await m.close();
});

/** Stall the requests `match` picks for longer than the call's timeout, then let the store answer. */
function stall(match: (req: Call) => boolean): void {
  m.intercept = async (req) => {
    if (match(req)) await new Promise((r) => setTimeout(r, STALL_MS));
    return false;
  };
}

/** The call fails with a TimeoutError (itself or as its cause) well before the stall ends. */
async function timesOut(what: string, call: () => Promise<unknown>): Promise<void> {
  const started = Date.now();
  await assert.rejects(call(), (e: unknown) => {
    const err = e instanceof LargeObjectUploadError ? e.cause : e;
    assert.ok(err instanceof TimeoutError, `${what}: expected a TimeoutError, got ${e}`);
    return true;
  });
  assert.ok(Date.now() - started < STALL_MS, `${what}: the call waited for the stalled request`);
}

test('createObject: the PUT gets the caller timeoutMs', async () => {
  stall((r) => r.method === 'PUT' && r.url.endsWith('/c/a.txt'));
  await timesOut('createObject', () =>
    m.os.createObject({ container: 'c', name: 'a.txt', data: 'hello', timeoutMs: TIMEOUT_MS }),
  );
});

test('bulkDelete: the bulk-delete POST gets the caller timeoutMs', async () => {
  await m.os.createObject({ container: 'c', name: 'a', data: 'x' });
  stall((r) => r.method === 'POST' && r.url.includes('bulk-delete'));
  await timesOut('bulkDelete', () =>
    m.os.bulkDelete([{ container: 'c', name: 'a' }], { timeoutMs: TIMEOUT_MS }),
  );
});

test('listObjects and listContainers: every page gets the caller timeoutMs', async () => {
  stall((r) => r.method === 'GET' && r.url.includes('format=json'));
  await timesOut('listObjects', () => m.os.listObjects('c', {}, { timeoutMs: TIMEOUT_MS }).toArray());
  await timesOut('listContainers', () => m.os.listContainers({}, { timeoutMs: TIMEOUT_MS }).toArray());
});

test('getManifest and getObjectLayout: the manifest GET gets the caller timeoutMs', async () => {
  await m.os.uploadLargeObject({ container: 'c', name: 'big', data: Buffer.alloc(10, 1), segmentSize: 4 });
  stall((r) => r.method === 'GET' && r.url.includes('multipart-manifest=get'));
  await timesOut('getManifest', () => m.os.getManifest('c', 'big', { timeoutMs: TIMEOUT_MS }));
  await timesOut('getObjectLayout', () => m.os.getObjectLayout('c', 'big', { timeoutMs: TIMEOUT_MS }));
});

test('uploadLargeObject: segment PUTs get the caller timeoutMs', async () => {
  stall((r) => r.method === 'PUT' && r.url.includes('/c_segments/'));
  await timesOut('uploadLargeObject', () =>
    m.os.uploadLargeObject({
      container: 'c',
      name: 'big',
      data: Buffer.alloc(10, 1),
      segmentSize: 4,
      timeoutMs: TIMEOUT_MS,
    }),
  );
});
