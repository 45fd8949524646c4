/** Running `ostack` (from source, through tsx) and Debian's `openstack` in functional tests. */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ProcessResult, runProcess } from '../../support/run-process.js';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/** What a finished `ostack` or `openstack` run left. */
export type Run = ProcessResult;

/** Run ostack; resolves with its exit status and output (never rejects on a non-zero status). */
export function ostack(...args: string[]): Promise<Run> {
  return ostackWithEnv({ ...process.env, OS_CLOUD: '' }, ...args);
}

/** Run ostack with exactly this environment. */
export function ostackWithEnv(env: NodeJS.ProcessEnv, ...args: string[]): Promise<Run> {
  return runProcess(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], {
    cwd: root,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
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
