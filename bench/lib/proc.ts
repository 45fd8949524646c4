/** Child processes for the bench: JSON-speaking workers and whole-process timing. */
import { spawn } from 'node:child_process';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Wall time of the whole process, spawn to exit (ms). */
  wallMs: number;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the child after this long (ms). */
  timeoutMs?: number;
  /** Pass the child's stderr through (progress lines) as well as capturing it. */
  echoStderr?: boolean;
}

/** Run a command to completion, capturing output and wall time. */
export function run(cmd: string, args: readonly string[], o: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, {
      cwd: o.cwd,
      env: o.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => {
      err.push(b);
      if (o.echoStderr) process.stderr.write(b);
    });
    const timer = o.timeoutMs
      ? setTimeout(() => {
          child.kill('SIGKILL');
        }, o.timeoutMs)
      : undefined;
    child.on('error', (e) => {
      if (timer) clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({
        code: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        wallMs: performance.now() - started,
      });
    });
  });
}

/** The last line of stdout that parses as a JSON object. */
export function lastJson<T = any>(stdout: string): T | undefined {
  const lines = stdout.trim().split('\n').reverse();
  for (const l of lines) {
    const t = l.trim();
    if (!t.startsWith('{')) continue;
    try {
      return JSON.parse(t) as T;
    } catch {
      // not this line
    }
  }
  return undefined;
}

/** Run a worker that prints one JSON object as its last line; throws with its stderr on failure. */
export async function runJson<T = any>(
  cmd: string,
  args: readonly string[],
  o: RunOptions = {},
): Promise<T & { wallMs: number }> {
  const r = await run(cmd, args, o);
  const json = lastJson<T>(r.stdout);
  if (r.code !== 0 || !json) {
    const tail = (r.stderr || r.stdout).trim().split('\n').slice(-15).join('\n');
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.code}:\n${tail}`);
  }
  return { ...json, wallMs: r.wallMs };
}
