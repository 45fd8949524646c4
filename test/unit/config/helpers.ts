/** Temp-dir fixtures for the config loader tests: never the real env, home or /etc. */

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';
import type { LoadCloudOptions } from '../../../src/config/types.js';
import { ConfigError } from '../../../src/errors/errors.js';

const roots: string[] = [];
after(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

export interface Sandbox {
  root: string;
  cwd: string;
  home: string;
  /** ~/.config/openstack */
  userDir: string;
  /** stands in for /etc/openstack */
  etcDir: string;
  /** Write a file under root (relative) or at an absolute path; returns the absolute path. */
  write(path: string, text: string): string;
  /** Loader options pointing at this sandbox, with an empty env unless given. */
  opts(extra?: LoadCloudOptions): LoadCloudOptions;
}

export function sandbox(): Sandbox {
  const root = mkdtempSync(join(tmpdir(), 'ostack-config-'));
  roots.push(root);
  const cwd = join(root, 'work');
  const home = join(root, 'home');
  const userDir = join(home, '.config', 'openstack');
  const etcDir = join(root, 'etc', 'openstack');
  for (const d of [cwd, userDir, etcDir]) mkdirSync(d, { recursive: true });
  const write = (path: string, text: string) => {
    const abs = path.startsWith('/') ? path : join(root, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    return abs;
  };
  return {
    root,
    cwd,
    home,
    userDir,
    etcDir,
    write,
    opts: (extra = {}) => ({ env: {}, cwd, home, systemDirs: [etcDir], ...extra }),
  };
}

/** A complete password cloud as YAML lines under `clouds:` (2-space indent of the cloud). */
export function passwordCloud(name: string, authUrl: string, extra = ''): string {
  return `  ${name}:
    auth:
      auth_url: ${authUrl}
      username: demo
      password: secret-${name}
      project_name: demo
      user_domain_name: Default
      project_domain_name: Default
${extra}`;
}

/** Text that passes the loader's PEM check for a certificate (the loader does not parse it). */
export const CERT_PEM = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n';
/** Text that passes the loader's PEM check for a private key. */
export const KEY_PEM = '-----BEGIN PRIVATE KEY-----\nMIIEfake\n-----END PRIVATE KEY-----\n';

/** Run fn, assert it throws a ConfigError, and return it. */
export function configError(fn: () => unknown): ConfigError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof ConfigError, `expected a ConfigError, got ${String(caught)}`);
  return caught;
}
