/**
 * TLS against an HTTPS stub Keystone on 127.0.0.1 with certificates made at test time by
 * openssl: verification on by default, cacert, verify false (warned once per process), and
 * a client certificate the server checks.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { TLSSocket } from 'node:tls';
import { Connection } from '../../../src/connection.js';
import { ConfigError, ConnectionError } from '../../../src/errors/errors.js';
import { HttpClient, type TransportKind } from '../../../src/transport/http-client.js';
import { INSECURE_WARNING_CODE, warnInsecureOnce } from '../../../src/transport/tls.js';
import { type StubCloud, startStubCloud, stubConfig } from './stub-cloud.js';

const PASSWORD = 'tls-suite-password-123';

/** Security warnings seen in this process (the listener is installed before any connection exists). */
const warnings: Error[] = [];
process.on('warning', (w) => {
  if ((w as { code?: string }).code === INSECURE_WARNING_CODE) warnings.push(w);
});

const dir = mkdtempSync(join(tmpdir(), 'ossdk-tls-'));
/** A self-signed EC certificate and key for `cn`, with the given subjectAltName. */
function selfSigned(name: string, cn: string, san: string): { cert: string; key: string } {
  const cert = join(dir, `${name}.crt`);
  const key = join(dir, `${name}.key`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      `/CN=${cn}`,
      '-addext',
      `subjectAltName=${san}`,
    ],
    { stdio: 'pipe', timeout: 20_000 },
  );
  return { cert, key };
}

let server: { cert: string; key: string };
let client: { cert: string; key: string };
let stub: StubCloud;

before(async () => {
  server = selfSigned('server', '127.0.0.1', 'IP:127.0.0.1');
  client = selfSigned('client', 'ossdk-client', 'DNS:ossdk-client');
  stub = await startStubCloud(
    (req, res) => {
      const sock = req.socket as TLSSocket;
      const peer = sock.getPeerCertificate();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ peer: peer?.subject?.CN ?? null, authorized: sock.authorized }));
    },
    {
      cert: readFileSync(server.cert),
      key: readFileSync(server.key),
      // ask for a client certificate, trusting the client's self-signed one, but let clients without one in
      requestCert: true,
      rejectUnauthorized: false,
      ca: [readFileSync(client.cert)],
    },
  );
});
after(async () => {
  await stub.close();
  rmSync(dir, { recursive: true, force: true });
});

function connect(extra: Record<string, unknown> = {}, transport?: TransportKind): Connection {
  return new Connection({
    transport,
    env: {},
    systemDirs: [],
    configFiles: [],
    secureFiles: [],
    config: stubConfig(stub.authUrl, PASSWORD, extra),
  });
}

async function whoami(conn: Connection): Promise<{ peer: string | null; authorized: boolean }> {
  const res = await conn.session.request({ method: 'GET', url: `${stub.base}/compute/whoami` });
  return res.json();
}

describe('TLS', () => {
  test('verification is on by default: a self-signed server is a ConnectionError saying how to fix it', async () => {
    const conn = connect();
    const before = stub.count();
    try {
      await assert.rejects(
        conn.authorize(),
        (e: unknown) => {
          assert.ok(e instanceof ConnectionError, `a ConnectionError, got ${String(e)}`);
          assert.match(
            e.message,
            /Fix: set cacert \(OS_CACERT\).*verify: false/,
            'the message names both fixes',
          );
          assert.ok(e.fix, 'the fix is a field too');
          assert.ok(!e.message.includes(PASSWORD), 'no password in the error');
          return true;
        },
        'token issue against a self-signed server fails',
      );
    } finally {
      await conn.close();
    }
    assert.equal(stub.count(), before, 'no HTTP request got through the failed handshake');
  });

  test('cacert: the server certificate as CA bundle makes it work', async () => {
    const conn = connect({ cacert: server.cert });
    try {
      const access = await conn.authorize();
      assert.ok(access.token, 'a token was issued over TLS');
      const me = await whoami(conn);
      assert.equal(me.peer, null, 'no client certificate was presented');
    } finally {
      await conn.close();
    }
  });

  test('cert and key reach the server as the client certificate', async () => {
    const conn = connect({ cacert: server.cert, cert: client.cert, key: client.key });
    try {
      const me = await whoami(conn);
      assert.equal(me.peer, 'ossdk-client', 'the server saw the client certificate');
      assert.equal(me.authorized, true, 'and it verified against the trusted client CA');
    } finally {
      await conn.close();
    }
  });

  test('verify: false works and warns once per process', async () => {
    assert.equal(warnings.length, 0, 'no warning before any insecure connection');
    const a = connect({ verify: false });
    const b = connect({ insecure: true, cacert: server.cert });
    try {
      assert.ok((await a.authorize()).token, 'verify: false connects to the self-signed server');
      assert.ok((await b.authorize()).token, 'insecure: true too');
    } finally {
      await a.close();
      await b.close();
    }
    await new Promise((r) => setImmediate(r));
    assert.equal(
      warnings.length,
      1,
      `exactly one warning for two insecure connections, got ${warnings.length}`,
    );
    assert.equal(warnings[0]?.name, 'SecurityWarning', 'a SecurityWarning');
    assert.match(String(warnings[0]?.message), /verification is off.*cacert/, 'it says what to do instead');
    assert.equal(warnInsecureOnce(), false, 'a later call does not warn again');
  });

  test('an HttpClient built directly reports a missing CA bundle as a ConfigError, not ENOENT', () => {
    assert.throws(
      () => new HttpClient({ cacert: join(dir, 'missing.pem') }),
      (e: unknown) => e instanceof ConfigError && e.field === 'cacert' && /does not exist/.test(e.message),
      'ConfigError for cacert',
    );
  });
});

describe('TLS over the node transport', () => {
  test('a self-signed server is a ConnectionError with the cacert fix, and no request gets through', async () => {
    const conn = connect({}, 'node');
    const before = stub.count();
    try {
      const e = await conn.authorize().then(
        () => undefined,
        (err: unknown) => err,
      );
      assert.ok(e instanceof ConnectionError, `a ConnectionError, got ${String(e)}`);
      assert.match(e.message, /Fix: set cacert \(OS_CACERT\)/, 'the message names the fix');
    } finally {
      await conn.close();
    }
    assert.equal(stub.count(), before, 'no HTTP request got through the failed handshake');
  });

  test('cacert, cert and key apply: the server verifies the client certificate', async () => {
    const conn = connect({ cacert: server.cert, cert: client.cert, key: client.key }, 'node');
    try {
      assert.equal(conn.session.http.transport, 'node', 'the connection sends over node:https');
      const me = await whoami(conn);
      assert.equal(me.peer, 'ossdk-client', 'the server saw the client certificate');
      assert.equal(me.authorized, true, 'and it verified against the trusted client CA');
    } finally {
      await conn.close();
    }
  });
});
