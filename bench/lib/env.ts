/** What the report says about the machine and the software versions it measured. */
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { run } from './proc.js';
import { PYTHON, ROOT } from './sdk.js';

export interface MachineInfo {
  nproc: number;
  memoryGiB: number;
  cpuModel: string;
  loadAvg: number[];
}

export function machineInfo(): MachineInfo {
  return {
    nproc: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    cpuModel: cpus()[0]?.model?.trim() ?? 'unknown',
    loadAvg: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

export interface Versions {
  node: string;
  sdk: string;
  undici: string;
  tinybench: string;
  python: string;
  openstacksdk: string;
  swiftclient: string;
  openstackclient: string;
  hyperfine: string;
}

function pkgVersion(rel: string): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, rel), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export async function versions(): Promise<Versions> {
  const py = await run(PYTHON, [
    '-c',
    [
      'import json, sys, openstack, swiftclient, openstackclient',
      'print(json.dumps({"python": sys.version.split()[0], "openstacksdk": openstack.version.__version__,',
      ' "swiftclient": swiftclient.__version__, "openstackclient": openstackclient.__version__}))',
    ].join('\n'),
  ]).catch(() => undefined);
  let p: Record<string, string> = {};
  try {
    p = JSON.parse(py?.stdout ?? '{}') as Record<string, string>;
  } catch {
    // keep unknowns
  }
  const hf = await run('hyperfine', ['--version']).catch(() => undefined);
  return {
    node: process.versions.node,
    sdk: pkgVersion('package.json'),
    undici: pkgVersion('node_modules/undici/package.json'),
    tinybench: pkgVersion('node_modules/tinybench/package.json'),
    python: p.python ?? 'unknown',
    openstacksdk: p.openstacksdk ?? 'unknown',
    swiftclient: p.swiftclient ?? 'unknown',
    openstackclient: p.openstackclient ?? 'unknown',
    hyperfine: hf?.code === 0 ? hf.stdout.trim().replace(/^hyperfine\s*/, '') : 'not installed',
  };
}
