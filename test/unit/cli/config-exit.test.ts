/** `ostack` with a bad clouds.yaml: exit code 2, the ConfigError on stderr, no secret, nothing sent. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type StubCloud, startStubCloud } from '../transport/stub-cloud.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const SECRET = 'cli-Secret-Passw0rd-42';
const dir = mkdtempSync(join(tmpdir(), 'ossdk-cli-config-'));
let stub: StubCloud;

before(async () => {
  stub = await startStubCloud();
});
after(async () => {
  await stub.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run ostack (asynchronously, so the stub in this process can answer) with `cloud` as the only cloud. */
function ostack(cloud: string, ...args: string[]): Promise<Run> {
  const file = join(dir, `clouds-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, `clouds:\n  bad:\n${cloud}`);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args],
      {
        cwd: root,
        timeout: 60_000,
        env: {
          PATH: process.env.PATH,
          HOME: dir,
          OS_CLIENT_CONFIG_FILE: file,
          OS_CLOUD: 'bad',
          OSTACK_NO_PROGRESS: '1',
        },
      },
      (err, stdout, stderr) => {
        const code = err ? ((err as { code?: unknown }).code as number | null) : 0;
        resolve({ status: typeof code === 'number' ? code : null, stdout, stderr });
      },
    );
  });
}

const auth = (url: string, extra = '') =>
  `    auth:\n      auth_url: "${url}"\n      username: demo\n      password: "${SECRET}"\n      project_name: demo\n      user_domain_name: Default\n      project_domain_name: Default\n${extra}`;

describe('ostack exits 2 on a ConfigError', () => {
  test('control: a good cloud reaches the stub and exits 0', async () => {
    const before = stub.count();
    const r = await ostack(auth(stub.authUrl), 'token', 'issue', '-f', 'json');
    assert.equal(r.status, 0, `exit 0: ${r.stderr}`);
    assert.ok(stub.count() > before, 'the stub was asked for a token');
  });

  const cases: Array<{ name: string; cloud: () => string; args?: string[]; field: string; fix: RegExp }> = [
    {
      name: 'auth_url without a scheme',
      cloud: () => auth('127.0.0.1:5000/v3'),
      field: 'auth.auth_url',
      fix: /Fix: set auth\.auth_url to an http:\/\/ or https:\/\/ URL/,
    },
    {
      name: 'a missing cacert (was a bare ENOENT, exit 1)',
      cloud: () => `${auth(stub.authUrl)}    cacert: ${dir}/missing-ca.pem\n`,
      field: 'cacert',
      fix: /does not exist.*Fix: point cacert/,
    },
    {
      name: 'a missing client key',
      cloud: () =>
        `${auth(stub.authUrl)}    cert: ${dir}/missing-cert.pem\n    key: ${dir}/missing-key.pem\n`,
      field: 'cert',
      fix: /Fix: point cert \(or OS_CERT\)/,
    },
    {
      name: 'region_name as a mapping',
      cloud: () => `${auth(stub.authUrl)}    region_name: {name: RegionOne}\n`,
      field: 'region_name',
      fix: /Fix: set region_name to one region name/,
    },
    {
      name: '--timeout that is not a number',
      cloud: () => auth(stub.authUrl),
      args: ['--timeout', 'soon'],
      field: '--timeout',
      fix: /Fix: pass --timeout with a number of seconds/,
    },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const before = stub.count();
      const r = await ostack(c.cloud(), ...(c.args ?? []), 'server', 'list');
      assert.equal(r.status, 2, `exit 2, got ${r.status}: ${r.stderr}`);
      assert.equal(r.stdout, '', 'nothing on stdout');
      assert.match(
        r.stderr,
        new RegExp(`field "${c.field.replace(/[.-]/g, '\\$&')}"`),
        'stderr names the field',
      );
      assert.match(r.stderr, c.fix, 'stderr names the fix');
      assert.ok(!r.stderr.includes(SECRET), 'the password is not on stderr');
      assert.equal(stub.count(), before, 'nothing was sent');
    });
  }
});
