import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  HttpClient,
  type Logger,
  redactBody,
  redactHeaders,
  redactUrl,
  V3PasswordAuth,
} from '../../../src/index.js';
import { sendJson, startMockServer } from '../../support/mock-server.js';

const SECRETS: [string, string, string, string, string] = [
  'P@ssw0rd-xyz',
  'TOKEN-abc123',
  'APPSECRET-42',
  'TEMPKEY-99',
  'SIG0123456789',
];

function capture(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const push = (m: string, d?: Record<string, unknown>) => lines.push(`${m} ${JSON.stringify(d ?? {})}`);
  return { logger: { debug: push, info: push, warn: push }, lines };
}

describe('secret redaction', () => {
  test('headers: tokens, temp URL keys and authorization are replaced', () => {
    const h = redactHeaders({
      'X-Auth-Token': SECRETS[1],
      'x-subject-token': SECRETS[1],
      'X-Account-Meta-Temp-URL-Key': SECRETS[3],
      'X-Container-Meta-Temp-URL-Key-2': SECRETS[3],
      Authorization: `Bearer ${SECRETS[1]}`,
      'content-type': 'application/json',
    });
    for (const s of SECRETS) assert.ok(!JSON.stringify(h).includes(s));
    assert.equal(h['content-type'], 'application/json');
  });

  test('bodies: password, token id, application credential secret, adminPass', () => {
    const body = JSON.stringify({
      auth: {
        identity: {
          methods: ['password', 'token', 'application_credential'],
          password: { user: { name: 'u', password: SECRETS[0] } },
          token: { id: SECRETS[1] },
          application_credential: { id: 'x', secret: SECRETS[2] },
        },
      },
      server: { adminPass: SECRETS[0] },
    });
    const out = redactBody(body);
    for (const s of SECRETS) assert.ok(!out.includes(s), `${s} leaked: ${out}`);
    assert.ok(out.includes('"name":"u"'), 'non-secret fields are kept');
    assert.ok(!redactBody(`password=${SECRETS[0]}&x=1`).includes(SECRETS[0]));
  });

  test('URLs: temp_url_sig is removed, other parameters kept', () => {
    const u = redactUrl(`http://s/v1/AUTH_x/c/o?temp_url_sig=${SECRETS[4]}&temp_url_expires=123`);
    assert.ok(!u.includes(SECRETS[4]));
    assert.ok(u.includes('temp_url_expires=123'));
  });

  test('a full authentication and a failing call leave no secret in logs or errors', async () => {
    const s = await startMockServer((req, res) => {
      if (req.url.endsWith('/auth/tokens')) {
        return sendJson(
          res,
          201,
          { token: { methods: ['password'], catalog: [] } },
          { 'x-subject-token': SECRETS[1] },
        );
      }
      // a service echoing the credentials back in its error must not leak them either
      sendJson(
        res,
        400,
        { badRequest: { message: `bad password ${req.body}`, code: 400 } },
        { 'x-openstack-request-id': 'req-1' },
      );
    });
    const { logger, lines } = capture();
    const http = new HttpClient({ logger, retry: { maxRetries: 0 } });
    const auth = new V3PasswordAuth({
      auth_url: `${s.url}/v3`,
      username: 'u',
      password: SECRETS[0],
      user_domain_id: 'default',
    });
    const a = await auth.getAccess(http);
    assert.equal(a.token, SECRETS[1]);
    let err: Error | undefined;
    try {
      await http.request({
        method: 'POST',
        url: `${s.url}/x?temp_url_sig=${SECRETS[4]}`,
        headers: { 'x-auth-token': SECRETS[1], 'x-account-meta-temp-url-key': SECRETS[3] },
        body: JSON.stringify({ password: SECRETS[0], application_credential_secret: SECRETS[2] }),
      });
    } catch (e) {
      err = e as Error;
    }
    assert.ok(err, 'the call failed');
    const everything = [...lines, err.message, JSON.stringify(err), String((err as any).body)].join('\n');
    assert.ok(lines.length >= 4, 'requests were logged');
    for (const secret of SECRETS) assert.ok(!everything.includes(secret), `secret ${secret} leaked`);
    await http.close();
    await s.close();
  });
});
