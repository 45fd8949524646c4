/**
 * The service client's requests take the token and the user agent in their own headers object
 * (src/transport/own-headers.ts) instead of three copies: the caller's objects must stay
 * untouched, every header must still reach the wire, and a re-authentication must resend
 * with the new token.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HttpClient, ServiceClient, Session, V3PasswordAuth } from '../../../src/index.js';
import { type Recorded, sendJson, sendToken, startMockServer } from '../../support/mock-server.js';

async function cloud() {
  let issued = 0;
  const revoked = new Set<string>();
  const seen: Recorded[] = [];
  const s = await startMockServer(async (req, res) => {
    if (req.method === 'POST' && req.url === '/v3/auth/tokens') {
      issued++;
      return sendToken(res, `tok-${issued}`);
    }
    seen.push(req);
    const token = String(req.headers['x-auth-token'] ?? '');
    if (revoked.has(token)) return sendJson(res, 401, { error: { message: 'authentication required' } });
    sendJson(res, 200, { ok: true });
  });
  const auth = new V3PasswordAuth({
    auth_url: `${s.url}/v3`,
    username: 'demo',
    password: 'secret',
    user_domain_name: 'Default',
    project_id: 'p1',
  });
  const session = new Session({
    auth,
    http: new HttpClient({ userAgent: 'ua-test', retry: { maxRetries: 0 } }),
    endpointOverrides: { 'object-store': `${s.url}/v1/AUTH_p1` },
  });
  const client = new ServiceClient(session, {
    serviceType: 'object-store',
    major: '1',
    fallbackPath: '',
    skipDiscovery: true,
  });
  return {
    session,
    client,
    revoked,
    seen,
    close: async () => {
      await session.close();
      await s.close();
    },
  };
}

describe('headers completed in place', () => {
  test("a caller's headers reach the wire with the token and user agent, and stay unchanged", async () => {
    const c = await cloud();
    try {
      const caller = { 'x-caller': 'kept' };
      const opts = { headers: caller };
      await c.client.request('GET', '/c', { buffer: true }, opts);
      const sent = c.seen.at(-1)?.headers;
      assert.equal(sent?.['x-caller'], 'kept', "the caller's header was sent");
      assert.equal(sent?.['x-auth-token'], 'tok-1', 'the token was sent');
      assert.equal(sent?.['user-agent'], 'ua-test', 'the user agent was sent');
      assert.equal(sent?.accept, 'application/json', "the service client's accept was sent");
      assert.deepEqual(caller, { 'x-caller': 'kept' }, "the caller's headers object was not written to");
      assert.deepEqual(Object.keys(opts), ['headers'], "the caller's options object was not written to");
    } finally {
      await c.close();
    }
  });

  test("a caller's own user agent wins over the client's", async () => {
    const c = await cloud();
    try {
      await c.client.request('GET', '/c', { buffer: true }, { headers: { 'user-agent': 'mine' } });
      assert.equal(c.seen.at(-1)?.headers['user-agent'], 'mine', "the caller's user agent was sent");
    } finally {
      await c.close();
    }
  });

  test('a request sent again after a 401 carries the new token', async () => {
    const c = await cloud();
    try {
      await c.client.request('GET', '/c', { buffer: true });
      c.revoked.add('tok-1');
      const res = await c.client.request('GET', '/c', { buffer: true });
      assert.equal(res.status, 200, 'the resent request succeeded');
      const tokens = c.seen.slice(-2).map((r) => r.headers['x-auth-token']);
      assert.deepEqual(tokens, ['tok-1', 'tok-2'], 'refused with the old token, then sent with the new one');
    } finally {
      await c.close();
    }
  });

  test('a session request of a caller leaves its headers object unchanged', async () => {
    const c = await cloud();
    try {
      const headers = { accept: 'application/json' };
      const url = `${await c.client.baseUrl()}/c`;
      await c.session.request({ method: 'GET', url, headers, buffer: true });
      assert.equal(c.seen.at(-1)?.headers['x-auth-token'], 'tok-1', 'the token was sent');
      assert.deepEqual(headers, { accept: 'application/json' }, 'the headers object was not written to');
    } finally {
      await c.close();
    }
  });
});
