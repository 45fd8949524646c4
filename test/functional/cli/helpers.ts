/** Running `ostack` (from source, through tsx) and Debian's `openstack` in functional tests. */
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run ostack; resolves with its exit status and output (never rejects on a non-zero status). */
export function ostack(...args: string[]): Promise<Run> {
  return ostackWithEnv({ ...process.env, OS_CLOUD: '' }, ...args);
}

/** Run ostack with exactly this environment. */
export function ostackWithEnv(env: NodeJS.ProcessEnv, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], {
      cwd: root,
      env,
    });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('error', reject);
    p.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Run ostack and parse its JSON output; throws with stderr when it fails. */
export async function ostackJson<T = any>(...args: string[]): Promise<T> {
  const r = await ostack(...args, '-f', 'json');
  if (r.status !== 0) throw new Error(`ostack ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** Run Debian's openstack CLI; JSON output parsed. */
export function openstackJson<T = any>(...args: string[]): T {
  const r = spawnSync('openstack', [...args, '-f', 'json'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openstack ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
