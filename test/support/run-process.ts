/** Running a program in tests: its exit status and whole output, never a rejection on failure. */
import { type SpawnOptions, spawn } from 'node:child_process';

/** What a finished process left. */
export interface ProcessResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run `cmd` with `args`; resolves when it exits (rejects only when it cannot start). */
export function runProcess(cmd: string, args: string[], opts: SpawnOptions = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let stdout = '';
    let stderr = '';
    p.stdout?.on('data', (d) => (stdout += d));
    p.stderr?.on('data', (d) => (stderr += d));
    p.on('error', reject);
    p.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
