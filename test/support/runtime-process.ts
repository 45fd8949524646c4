/**
 * Running a bundled program under another JavaScript runtime from a Node test: a child process
 * with its input on stdin, bounded by a deadline, its whole output kept for failure messages; and
 * the helpers a server-style runtime (workerd) needs: a free port and a bounded wait for it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** What a child process did. */
export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when the deadline killed it. */
  timedOut: boolean;
}

/** Run `cmd args` with `input` on stdin; kill it (SIGKILL) after `timeoutMs`. */
export function runProcess(
  cmd: string,
  args: readonly string[],
  input: string,
  opts: { timeoutMs: number; cwd?: string; env?: NodeJS.ProcessEnv },
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${cmd}: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
    child.stdin.on('error', () => {}); // a child that exits early closes its stdin: its output says why
    child.stdin.end(input);
  });
}

/** The output of a run, for an assertion message. */
export function transcriptOf(cmd: string, r: ProcessResult): string {
  const status = r.timedOut ? 'killed at the deadline' : `exit ${r.code ?? r.signal}`;
  return `${cmd}: ${status}\n--- stdout\n${r.stdout.trim()}\n--- stderr\n${r.stderr.trim()}`;
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** A long-running child whose output is collected (a server such as workerd). */
export interface Daemon {
  child: ChildProcess;
  output(): string;
  /** SIGTERM, then SIGKILL after 5 s; resolves when it has exited. */
  stop(): Promise<void>;
}

/** Start `cmd args` in the background, collecting its output. */
export function startDaemon(cmd: string, args: readonly string[], opts: { cwd?: string } = {}): Daemon {
  // PWD in step with cwd: workerd resolves embedded files from it and warns when they differ
  const env = opts.cwd ? { ...process.env, PWD: opts.cwd } : process.env;
  const child = spawn(cmd, args, { cwd: opts.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    out += d;
  });
  child.on('error', (e) => {
    out += `\ncannot start ${cmd}: ${e.message}`;
  });
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return {
    child,
    output: () => out.trim(),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Wait until `url` answers any HTTP status, up to `timeoutMs`; fail early when `alive()` says the server died. */
export async function waitForHttp(url: string, timeoutMs: number, alive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`the server for ${url} exited before it answered`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(5000) });
      return;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s (last error: ${last})`);
}
