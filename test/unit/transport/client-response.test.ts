/**
 * The client's response object (`client-response.ts`) and the lazily redacted facts its errors
 * carry (`LazyFacts`), over every transport: the per-request objects were made lighter, and
 * what a caller reads from them must not have changed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  AbortedError,
  decodeJson,
  HttpClient,
  InvalidResponseError,
  TimeoutError,
} from '../../../src/index.js';
import { startMockServer } from '../../support/mock-server.js';
import { TRANSPORTS } from './transports.js';

const SIG = 'aaaabbbbccccddddeeeeffff00001111';

for (const transport of TRANSPORTS) {
  describe(`the client's response over ${transport}`, () => {
    let s: Awaited<ReturnType<typeof startMockServer>>;
    before(async () => {
      s = await startMockServer(async (req, res) => {
        if (req.url?.startsWith('/slow-body')) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write('{"a":');
          await new Promise((r) => setTimeout(r, 1500));
          res.end('1}');
          return;
        }
        if (req.url?.startsWith('/html')) {
          res.writeHead(200, { 'content-type': 'text/html', 'x-openstack-request-id': 'req-html' });
          res.end('<html>portal</html>');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json', 'x-openstack-request-id': 'req-ok' });
        res.end('{"thing":{"id":"1"}}');
      });
    });
    after(() => s.close());

    test('status, headers, request id, url and method are plain fields', async () => {
      const http = new HttpClient({ transport });
      const res = await http.request({ method: 'get', url: `${s.url}/ok`, buffer: true });
      assert.equal(res.status, 200, 'the status');
      assert.equal(res.requestId, 'req-ok', 'the request id from x-openstack-request-id');
      assert.equal(res.method, 'GET', 'the method, upper-cased');
      assert.equal(res.url, `${s.url}/ok`, 'the URL as sent');
      assert.equal(res.headers['content-type'], 'application/json', 'lower-cased headers');
      assert.deepEqual(await res.json(), { thing: { id: '1' } }, 'json() parses the buffered text');
      assert.equal(await res.text(), '{"thing":{"id":"1"}}', 'text() gives the same text again');
      assert.equal((await res.bytes()).toString(), '{"thing":{"id":"1"}}', 'bytes() after text()');
      await http.close();
    });

    test('json() of a page that is not JSON names the response, the URL redacted', async () => {
      const http = new HttpClient({ transport });
      const res = await http.request({ method: 'GET', url: `${s.url}/html?temp_url_sig=${SIG}` });
      const err = await res.json().then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(err instanceof InvalidResponseError, `json() fails with InvalidResponseError, got ${err}`);
      assert.equal(err.reason, 'not-json', 'an HTML page is not-json');
      assert.equal(err.status, 200, 'the error carries the status');
      assert.equal(err.requestId, 'req-html', 'the error carries the request id');
      assert.equal(err.contentType, 'text/html', 'the error carries the content type');
      assert.ok(!err.url.includes(SIG), `the signature is redacted from the error's URL: ${err.url}`);
      assert.ok(!err.message.includes(SIG), 'the signature is redacted from the message');
      assert.ok(err.url.includes('/html'), `the error's URL is the request's: ${err.url}`);
      await http.close();
    });

    test('decodeJson failures carry the redacted URL too', async () => {
      const http = new HttpClient({ transport });
      const res = await http.request({ method: 'GET', url: `${s.url}/ok?temp_url_sig=${SIG}`, buffer: true });
      const doc = await decodeJson(res);
      const err = (() => {
        try {
          doc.key('missing');
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      assert.ok(err instanceof InvalidResponseError, `a missing key is an InvalidResponseError, got ${err}`);
      assert.equal(err.reason, 'missing-key', 'the reason names the missing key');
      assert.equal(err.method, 'GET', 'the method');
      assert.ok(!err.url.includes(SIG), `the signature is redacted: ${err.url}`);
      await http.close();
    });

    test('without a signal, the total deadline still ends a body that drips', async () => {
      const http = new HttpClient({ transport, retry: { maxRetries: 0 } });
      const t0 = Date.now();
      await assert.rejects(
        http.request({ method: 'GET', url: `${s.url}/slow-body`, timeoutMs: 300, buffer: true }),
        TimeoutError,
      );
      assert.ok(Date.now() - t0 < 1400, 'the deadline, not the end of the body, ended the call');
      await http.close();
    });

    test('an abort after the headers ends the read of the body', async () => {
      const http = new HttpClient({ transport });
      const ac = new AbortController();
      const res = await http.request({ method: 'GET', url: `${s.url}/slow-body`, signal: ac.signal });
      setTimeout(() => ac.abort(), 100);
      const t0 = Date.now();
      await assert.rejects(res.text(), AbortedError, 'the read fails as aborted');
      assert.ok(Date.now() - t0 < 1400, 'the abort, not the end of the body, ended the read');
      await http.close();
    });
  });
}
