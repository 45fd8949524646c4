/**
 * Data the workloads need, created once and reused by later runs (every step is idempotent),
 * and removed only by `npm run bench -- --cleanup`:
 *
 * - 5000 ports named `ossdk-bench-port-NNNNN` on the network `bench-ports-net`, owned by a
 *   dedicated project id (so nobody's port quota is touched; neutron does not check the id
 *   with keystone), bulk-created 500 per POST;
 * - 20 000 empty objects `obj-NNNNNN` in the container `ossdk-bench-objects`, PUT 32 at a time;
 * - local files for the upload workload under /tmp/ossdk-bench (never in the repository);
 * - the download workload's sources, containers `ossdk-bench-dl-*` uploaded once.
 *
 * Upload containers (`ossdk-bench-up-*`) are deleted after each upload run.
 */
import { createHash, randomFillSync } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Connection } from './sdk.js';

export const BENCH_PROJECT_ID = createHash('md5').update('openstack-sdk-bench').digest('hex');
export const PORTS_NET = 'bench-ports-net';
export const PORT_MARKER = 'ossdk-bench-port-';
export const OBJECTS_CONTAINER = 'ossdk-bench-objects';
export const UPLOAD_CONTAINER_PREFIX = 'ossdk-bench-up-';
export const DOWNLOAD_CONTAINER_PREFIX = 'ossdk-bench-dl-';
export const TMP_ROOT = '/tmp/ossdk-bench';

type Log = (msg: string) => void;

/** Run `fn` over items with at most `limit` in flight. */
async function pool<T>(items: readonly T[], limit: number, fn: (x: T) => Promise<void>): Promise<void> {
  let i = 0;
  const lane = async () => {
    while (i < items.length) {
      const x = items[i++]!;
      await fn(x);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

export function portName(i: number): string {
  return `${PORT_MARKER}${String(i).padStart(5, '0')}`;
}

export function objectName(i: number): string {
  return `obj-${String(i).padStart(6, '0')}`;
}

/** The names in `0..count-1` that `have` lacks. */
export function missingNames(
  count: number,
  have: ReadonlySet<string>,
  name: (i: number) => string,
): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = name(i);
    if (!have.has(n)) out.push(n);
  }
  return out;
}

async function findPortsNetwork(conn: Connection) {
  const nets = await conn.network.listNetworks({ name: PORTS_NET }).toArray();
  return nets[0];
}

async function portNamesOn(conn: Connection, networkId: string) {
  const have = new Set<string>();
  let total = 0;
  for await (const p of conn.network.listPorts({ networkId, limit: 1000 })) {
    total++;
    if (p.name?.startsWith(PORT_MARKER)) have.add(p.name);
  }
  return { have, total };
}

/** Ensure `count` marker ports exist on bench-ports-net; returns the network id and the port total on it. */
export async function ensurePorts(conn: Connection, count: number, log: Log) {
  const net = conn.network;
  let network = await findPortsNetwork(conn);
  if (!network) {
    log(`creating network ${PORTS_NET} (project ${BENCH_PROJECT_ID})`);
    network = await net.createNetwork({ name: PORTS_NET, projectId: BENCH_PROJECT_ID });
  }
  // a bulk POST is not retried by the SDK (not idempotent): on a failure, recount by name and go on
  for (let attempt = 1; ; attempt++) {
    const { have, total } = await portNamesOn(conn, network.id);
    const missing = missingNames(count, have, portName);
    if (!missing.length) return { networkId: network.id, total };
    log(`creating ${missing.length} ports on ${PORTS_NET} (${have.size} already there)`);
    // the ports belong to the bench project: lift its port quota, nobody else's
    await net.updateQuota(BENCH_PROJECT_ID, { port: -1 });
    try {
      for (let i = 0; i < missing.length; i += 250) {
        const chunk = missing.slice(i, i + 250);
        await net.createPorts(
          chunk.map((name) => ({ name, networkId: network.id, projectId: BENCH_PROJECT_ID })),
        );
        log(`  ${Math.min(i + 250, missing.length)}/${missing.length}`);
      }
    } catch (e) {
      if (attempt >= 5) throw e;
      log(`  port creation failed (${(e as Error).message}); recounting in 10 s`);
      await new Promise((r) => setTimeout(r, 10_000));
    }
  }
}

/** Ensure `count` empty objects exist in the bench container; returns the object total. */
export async function ensureObjects(conn: Connection, count: number, log: Log) {
  const os = conn.objectStore;
  await os.createContainer(OBJECTS_CONTAINER);
  const meta = await os.getContainerMetadata(OBJECTS_CONTAINER);
  if ((meta.objectCount ?? 0) >= count) return { total: meta.objectCount ?? 0 };
  const have = new Set<string>();
  for await (const o of os.listObjects(OBJECTS_CONTAINER)) if (o.name) have.add(o.name);
  const missing = missingNames(count, have, objectName);
  log(`creating ${missing.length} empty objects in ${OBJECTS_CONTAINER} (${have.size} already there)`);
  let done = 0;
  await pool(missing, 32, async (name) => {
    const res = await os.request('PUT', `/${OBJECTS_CONTAINER}/${name}`, {
      body: '',
      headers: { 'content-type': 'application/octet-stream' },
    });
    await res.body.dump();
    if (++done % 2000 === 0) log(`  ${done}/${missing.length}`);
  });
  return { total: have.size + missing.length };
}

/** A directory of `count` files of `size` bytes each. */
export interface FileSet {
  dir: string;
  count: number;
  size: number;
  /** count × size. */
  bytes: number;
}

export interface UploadFiles {
  /** One directory per requested set, in the order asked. */
  sets: FileSet[];
  bigDir: string;
  bigSize: number;
}

/** Write random bytes to `path` in 8 MiB chunks unless it already has `size` bytes. */
async function randomFile(path: string, size: number): Promise<void> {
  if (existsSync(path) && statSync(path).size === size) return;
  const out = createWriteStream(path);
  const chunk = Buffer.allocUnsafe(8 * 1024 * 1024);
  for (let left = size; left > 0; ) {
    const n = Math.min(left, chunk.length);
    randomFillSync(chunk, 0, n);
    if (!out.write(n === chunk.length ? chunk : chunk.subarray(0, n)))
      await new Promise<void>((r) => out.once('drain', () => r()));
    left -= n;
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

/** The directory of a set of `count` files of `size` bytes (named so that sets never share one). */
export function fileSetDir(count: number, size: number): string {
  return join(TMP_ROOT, 'upload', `small-${count}x${size}`);
}

/** The transfer workloads' local files (random content, so nothing compresses or dedups). */
export async function ensureUploadFiles(
  sets: readonly { count: number; size: number }[],
  bigSize: number,
  log: Log,
): Promise<UploadFiles> {
  const out: FileSet[] = [];
  for (const { count, size } of sets) {
    const dir = fileSetDir(count, size);
    mkdirSync(dir, { recursive: true });
    const buf = Buffer.allocUnsafe(size);
    let wrote = 0;
    for (let i = 0; i < count; i++) {
      const p = join(dir, `f${String(i).padStart(5, '0')}.bin`);
      if (existsSync(p) && statSync(p).size === size) continue;
      randomFillSync(buf);
      writeFileSync(p, buf);
      wrote++;
    }
    // a set written by an older bench with other names or counts: only this set's files may stay
    for (const name of readdirSync(dir))
      if (!/^f\d{5}\.bin$/.test(name) || Number(name.slice(1, 6)) >= count)
        rmSync(join(dir, name), { force: true });
    if (wrote) log(`wrote ${wrote} files of ${size} bytes in ${dir}`);
    out.push({ dir, count, size, bytes: count * size });
  }
  const bigDir = join(TMP_ROOT, 'upload', `big-${bigSize}`);
  mkdirSync(bigDir, { recursive: true });
  const big = join(bigDir, 'big.bin');
  if (!existsSync(big) || statSync(big).size !== bigSize) log(`writing ${big} (${bigSize} bytes)`);
  await randomFile(big, bigSize);
  return { sets: out, bigDir, bigSize };
}

/** Delete a container and its `_segments` companion, quietly when they are gone. */
export async function deleteContainerPair(conn: Connection, name: string): Promise<void> {
  for (const c of [name, `${name}_segments`])
    await conn.objectStore.deleteContainer(c, { empty: true, ignoreMissing: true });
}

/** `--cleanup`: remove every bench fixture from the cloud and /tmp. */
export async function cleanupAll(conn: Connection, log: Log): Promise<void> {
  const net = conn.network;
  const network = await findPortsNetwork(conn);
  if (network) {
    const ports = (await net.listPorts({ networkId: network.id, limit: 1000 }).toArray()).filter((p) =>
      p.name?.startsWith(PORT_MARKER),
    );
    log(`deleting ${ports.length} ports`);
    await pool(ports, 8, async (p) => net.deletePort(p.id, { ignoreMissing: true }));
    log(`deleting network ${PORTS_NET}`);
    await net.deleteNetwork(network.id, { ignoreMissing: true });
  }
  await net.deleteQuota(BENCH_PROJECT_ID, { ignoreMissing: true });
  log(`deleting container ${OBJECTS_CONTAINER}`);
  await conn.objectStore.deleteContainer(OBJECTS_CONTAINER, { empty: true, ignoreMissing: true });
  for (const prefix of [UPLOAD_CONTAINER_PREFIX, DOWNLOAD_CONTAINER_PREFIX])
    for await (const c of conn.objectStore.listContainers({ prefix })) {
      if (!c.name) continue;
      log(`deleting container ${c.name}`);
      await conn.objectStore.deleteContainer(c.name, { empty: true, ignoreMissing: true });
    }
  log(`removing ${TMP_ROOT}`);
  rmSync(TMP_ROOT, { recursive: true, force: true });
}
