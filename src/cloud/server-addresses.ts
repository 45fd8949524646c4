/** Reading a server's addresses the way people want them: one private IPv4, one public IPv4. */
import type { ServerAddress } from '../services/compute/server.js';

/** The addresses of a server by kind (pure). */
export interface ServerIps {
  /** The first fixed IPv4 address (on `preferNetwork` when given and present). */
  privateV4?: string;
  /** The first floating IPv4 address. */
  publicV4?: string;
  /** Every address, flattened. */
  all: { network: string; addr: string; version: number; type?: string }[];
}

/** Sort a server's `addresses` into private and public IPv4 (pure; exported for tests). */
export function serverIps(
  addresses: Record<string, ServerAddress[]> | undefined,
  preferNetwork?: string,
): ServerIps {
  const all = Object.entries(addresses ?? {}).flatMap(([network, list]) =>
    (list ?? []).map((a) => ({
      network,
      addr: a.addr,
      version: Number(a.version),
      type: a['OS-EXT-IPS:type'],
    })),
  );
  const v4 = all.filter((a) => a.version === 4);
  const fixed = v4.filter((a) => a.type !== 'floating');
  const privateV4 = (fixed.find((a) => a.network === preferNetwork) ?? fixed[0])?.addr;
  const publicV4 = v4.find((a) => a.type === 'floating')?.addr;
  return { privateV4, publicV4, all };
}
