/** Redaction by value: the session's secrets never reach a log line or an error, whatever header or body carries them. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Connection } from '../../../src/connection.js';
import { HttpError } from '../../../src/errors/errors.js';
import type { Logger } from '../../../src/transport/logger.js';
import { configSecrets, MIN_SECRET_LENGTH, REDACTED, Redactor } from '../../../src/transport/redact.js';
import { type StubCloud, startStubCloud, stubConfig, TOKEN } from './stub-cloud.js';

const PASSWORD = 'correct horse "battery" staple';

describe('Redactor', () => {
  test('scrubs a secret, its JSON-escaped and its URL-encoded spellings', () => {
    const r = new Redactor();
    r.addSecret(PASSWORD);
    const json = JSON.stringify({ note: PASSWORD });
    assert.equal(r.scrub(`a ${PASSWORD} b`), `a ${REDACTED} b`, 'raw');
    assert.ok(!r.scrub(json).includes('battery'), `JSON-escaped: ${r.scrub(json)}`);
    assert.ok(!r.scrub(`?q=${encodeURIComponent(PASSWORD)}`).includes('battery'), 'URL-encoded');
  });
  test(`ignores values shorter than ${MIN_SECRET_LENGTH} characters and empty ones`, () => {
    const r = new Redactor();
    r.addSecret('abc');
    r.addSecret('');
    r.addSecret(undefined);
    assert.equal(r.size, 0, 'nothing registered');
    assert.equal(r.scrub('abc abc'), 'abc abc', 'text unchanged');
  });
  test('learned secrets are capped, oldest first; pinned ones stay', () => {
    const r = new Redactor();
    r.addSecret('pinned-secret');
    for (let i = 0; i < 40; i++) r.learnSecret(`token-number-${String(i).padStart(2, '0')}`);
    assert.ok(r.size <= 33, `bounded: ${r.size}`);
    assert.equal(r.scrub('pinned-secret'), REDACTED, 'the pinned secret is kept');
    assert.equal(r.scrub('token-number-39'), REDACTED, 'the newest token is kept');
    assert.equal(r.scrub('token-number-00'), 'token-number-00', 'the oldest token was dropped');
  });
  test('a longer secret containing a shorter one is replaced whole', () => {
    const r = new Redactor();
    r.addSecret('abcd');
    r.addSecret('xxabcdyy');
    assert.equal(r.scrub('1 xxabcdyy 2 abcd'), `1 ${REDACTED} 2 ${REDACTED}`);
  });
  test('learns the values of secret-named headers only', () => {
    const r = new Redactor();
    r.learnFromHeaders({ 'X-Auth-Token': 'tok-1234', 'x-other': 'visible' });
    assert.equal(r.scrub('tok-1234 visible'), `${REDACTED} visible`);
  });
  test('configSecrets picks the secret auth options', () => {
    assert.deepEqual(
      configSecrets({
        auth_url: 'https://k',
        username: 'u',
        password: 'p1',
        application_credential_secret: 's1',
        token: 't1',
        passcode: 'c1',
        project_name: 'demo',
      }).sort(),
      ['c1', 'p1', 's1', 't1'],
    );
  });
});

describe('the session scrubs its own secrets from logs and errors', () => {
  let stub: StubCloud;
  before(async () => {
    stub = await startStubCloud((req, res, body) => {
      if (req.url === '/compute/weird') {
        // a service echoing the token and the password where no header name gives them away
        res.writeHead(200, {
          'content-type': 'application/json',
          'x-weird': `Bearer ${TOKEN}`,
          'x-echo': PASSWORD,
        });
        res.end(JSON.stringify({ echo: TOKEN, pw: PASSWORD }));
      } else if (req.url === '/compute/fail') {
        res.writeHead(400, { 'content-type': 'application/json', 'x-weird': TOKEN });
        res.end(
          JSON.stringify({
            badRequest: { code: 400, message: `token ${TOKEN} with ${PASSWORD} is wrong`, sent: body },
          }),
        );
      } else {
        res.writeHead(404);
        res.end();
      }
    });
  });
  after(() => stub.close());

  test('a token in an x-weird header and in JSON bodies, the password in a request body', async () => {
    const lines: string[] = [];
    const logger: Logger = {
      debug: (m, d) => lines.push(`${m} ${JSON.stringify(d)}`),
      warn: (m, d) => lines.push(`${m} ${JSON.stringify(d)}`),
    };
    const conn = new Connection({
      env: {},
      systemDirs: [],
      configFiles: [],
      secureFiles: [],
      config: stubConfig(stub.authUrl, PASSWORD),
      logger,
    });
    try {
      const res = await conn.session.request({ method: 'GET', url: `${stub.base}/compute/weird` });
      assert.equal(res.status, 200, 'the weird call succeeded');
      assert.equal(res.headers['x-weird'], `Bearer ${TOKEN}`, 'the caller still sees the real header');
      await res.text();
      let err: unknown;
      try {
        await conn.session.request({
          method: 'POST',
          url: `${stub.base}/compute/fail`,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ note: `my password is ${PASSWORD}`, t: TOKEN }),
        });
      } catch (e) {
        err = e;
      }
      assert.ok(err instanceof HttpError, `a 400 is an HttpError: ${String(err)}`);
      const errText = [
        err.message,
        err.serviceMessage,
        err.body,
        JSON.stringify(err.headers),
        String(err.stack),
      ].join('\n');
      assert.ok(!errText.includes(TOKEN), 'the token is not in the error');
      assert.ok(!errText.includes('battery'), 'the password is not in the error');
      assert.match(String(err.body), /\*\*\*/, 'the error body was scrubbed, not dropped');
    } finally {
      await conn.close();
    }
    const log = lines.join('\n');
    assert.ok(
      lines.some((l) => l.startsWith('RESP GET') && l.includes('x-weird')),
      'the weird response was logged',
    );
    assert.ok(
      lines.some((l) => l.startsWith('REQ POST') && l.includes('my password is')),
      'the POST body was logged',
    );
    assert.ok(!log.includes(TOKEN), 'the token never appears in the log');
    assert.ok(!log.includes('battery'), 'the password never appears in the log');
  });
});
