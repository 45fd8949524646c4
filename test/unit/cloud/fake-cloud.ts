/**
 * An in-memory stand-in for the parts of a Connection the cloud layer uses: enough state to
 * create and delete servers, key pairs, floating IPs and volumes, a log of every call, and a
 * switch to make one method fail. Its addresses can be set to 127.0.0.1 so that a reachability
 * probe connects to a real local socket; its ports carry security groups with neutron rules.
 */
import type { CloudConnection } from '../../../src/cloud/cloud-connection.js';
import { NotFoundError, ResourceNotFoundError } from '../../../src/index.js';

type Obj = Record<string, any>;

function list<T>(items: T[]) {
  return {
    toArray: async () => [...items],
    async *[Symbol.asyncIterator]() {
      yield* items;
    },
  };
}

export interface FakeCloud {
  conn: CloudConnection;
  calls: string[];
  state: {
    servers: Map<string, Obj>;
    keypairs: Map<string, Obj>;
    fips: Map<string, Obj>;
    volumes: Map<string, Obj>;
    networks: Obj[];
    ports: Obj[];
    /** Security groups by id, with `securityGroupRules` in neutron's API names. */
    securityGroups: Map<string, Obj>;
    /** What getServerConsoleOutput answers. */
    consoleOutput: string;
  };
  /** Make the named method throw this error (once set, every call throws). */
  failOn: Map<string, Error>;
}

/** A security group rule as neutron lists it: every match field null unless `r` sets it. */
export function securityGroupRule(r: Obj): Obj {
  return {
    ethertype: 'IPv4',
    protocol: null,
    port_range_min: null,
    port_range_max: null,
    remote_ip_prefix: null,
    remote_group_id: null,
    ...r,
  };
}

/** neutron's default security group: all out, in only from members of the group itself. */
export function defaultSecurityGroup(id = 'sg-default'): Obj {
  const rule = securityGroupRule;
  return {
    id,
    name: 'default',
    securityGroupRules: [
      rule({ direction: 'egress' }),
      rule({ direction: 'egress', ethertype: 'IPv6' }),
      rule({ direction: 'ingress', remote_group_id: id }),
      rule({ direction: 'ingress', ethertype: 'IPv6', remote_group_id: id }),
    ],
  };
}

export function fakeCloud(
  opts: {
    networks?: Obj[];
    floatingAppears?: boolean;
    /** The servers' fixed IPv4 address (default 10.0.0.5). */
    fixedIp?: string;
    /** The address of every floating IP created (default 172.24.4.<n>). */
    floatingIpAddress?: string;
    /** The security groups every new port gets (default: neutron's default group). */
    securityGroups?: Obj[];
    /** Block storage's availability zones (default: nova). */
    volumeZones?: string[];
    /** What nova does with an attachment: complete it (default) or give up (back to available). */
    attachOutcome?: 'attached' | 'rolled-back';
  } = {},
): FakeCloud {
  const calls: string[] = [];
  const failOn = new Map<string, Error>();
  let seq = 0;
  const id = (p: string) => `${p}-${++seq}`;
  const state: FakeCloud['state'] = {
    servers: new Map(),
    keypairs: new Map(),
    fips: new Map(),
    volumes: new Map(),
    networks: opts.networks ?? [
      { id: 'net-priv', name: 'private', subnets: ['sub-1'], projectId: 'proj' },
      { id: 'net-pub', name: 'public', subnets: ['sub-2'], isRouterExternal: true, projectId: 'admin' },
    ],
    ports: [],
    securityGroups: new Map(
      (opts.securityGroups ?? [defaultSecurityGroup()]).map((g) => [g.id as string, g]),
    ),
    consoleOutput: 'Booting...\nlogin: ',
  };
  const rec =
    (name: string, fn: (...a: any[]) => any) =>
    async (...a: any[]) => {
      calls.push(name);
      const err = failOn.get(name);
      if (err) throw err;
      return fn(...a);
    };
  const recList =
    (name: string, fn: (...a: any[]) => Obj[]) =>
    (...a: any[]) => {
      calls.push(name);
      const err = failOn.get(name);
      if (err) throw err;
      return list(fn(...a));
    };
  const serverView = (s: Obj) => {
    const addresses: Obj = {};
    const port = state.ports.find((p) => p.deviceId === s.id);
    if (port) {
      const net = state.networks.find((n) => n.id === port.networkId)!;
      addresses[net.name] = [{ addr: port.fixedIps[0].ip_address, version: 4, 'OS-EXT-IPS:type': 'fixed' }];
      const fip = [...state.fips.values()].find((f) => f.portId === port.id);
      if (fip && opts.floatingAppears !== false) {
        addresses[net.name].push({ addr: fip.floatingIpAddress, version: 4, 'OS-EXT-IPS:type': 'floating' });
      }
    }
    return { ...s, status: s.forcedStatus ?? 'ACTIVE', addresses };
  };
  const conn = {
    authorize: async () => ({ projectId: 'proj', catalog: [] }),
    image: {
      findImage: rec('findImage', async (n: string) => {
        if (n !== 'cirros') throw new ResourceNotFoundError(`no image with id or name "${n}"`);
        return { id: 'img-1', name: 'cirros', minDisk: 0, size: 1024 };
      }),
    },
    compute: {
      findFlavor: rec('findFlavor', async (n: string) => ({
        id: `flv-${n}`,
        name: n,
        disk: 1,
        ram: 128,
        vcpus: 1,
      })),
      listFlavors: recList('listFlavors', () => [
        { id: '84', name: 'm1.micro', ram: 192, vcpus: 1, disk: 1 },
        { id: '42', name: 'm1.nano', ram: 128, vcpus: 1, disk: 1 },
      ]),
      findKeypair: rec('findKeypair', async (n: string) => state.keypairs.get(n)),
      createKeypair: rec('createKeypair', async (a: Obj) => {
        state.keypairs.set(a.name, { ...a });
        return { ...a };
      }),
      deleteKeypair: rec('deleteKeypair', async (n: string) => state.keypairs.delete(n)),
      createServer: rec('createServer', async (a: Obj) => {
        const s = { id: id('srv'), name: a.name, status: 'BUILD', input: a, raw: {} };
        state.servers.set(s.id, s);
        const net = a.networks[0].uuid;
        state.ports.push({
          id: id('port'),
          deviceId: s.id,
          networkId: net,
          fixedIps: [{ ip_address: opts.fixedIp ?? '10.0.0.5' }],
          securityGroups: [...state.securityGroups.keys()],
        });
        return s;
      }),
      waitForServerIdle: rec('waitForServerIdle', async (sid: string) => serverView(state.servers.get(sid)!)),
      getServer: rec('getServer', async (sid: string) => {
        const s = state.servers.get(sid);
        if (!s) throw new NotFoundError({ status: 404, method: 'GET', url: sid });
        return serverView(s);
      }),
      listServers: recList('listServers', () =>
        [...state.servers.values()].map((s) => ({
          id: s.id,
          name: s.name,
          created: new Date().toISOString(),
        })),
      ),
      findServer: rec('findServer', async (n: string, o: Obj = {}) => {
        const s = [...state.servers.values()].find((x) => x.id === n || x.name === n);
        if (!s && !o.ignoreMissing) throw new ResourceNotFoundError(`no server ${n}`);
        return s && serverView(s);
      }),
      deleteServer: rec('deleteServer', async (sid: string) => {
        state.servers.delete(sid);
        state.ports = state.ports.filter((p) => p.deviceId !== sid);
      }),
      waitForServerDelete: rec('waitForServerDelete', async () => undefined),
      getServerConsoleOutput: rec('getServerConsoleOutput', async () => state.consoleOutput),
      // the volume moves at once to where nova would leave it; the next getVolume sees that
      createVolumeAttachment: rec('createVolumeAttachment', async (a: Obj) => {
        const v = state.volumes.get(a.volumeId)!;
        if (opts.attachOutcome === 'rolled-back') v.status = 'available';
        else {
          v.status = 'in-use';
          v.attachments = [
            ...(v.attachments ?? []),
            { server_id: a.serverId, device: '/dev/vdb', attachment_id: id('att') },
          ];
        }
        return { volumeId: a.volumeId, serverId: a.serverId, device: a.device ?? '/dev/vdb' };
      }),
      deleteVolumeAttachment: rec('deleteVolumeAttachment', async (vid: string, o: Obj) => {
        const v = state.volumes.get(vid)!;
        v.attachments = (v.attachments ?? []).filter((x: Obj) => x.server_id !== o.parent.serverId);
        v.status = v.attachments.length ? 'in-use' : 'available';
      }),
    },
    network: {
      listNetworks: recList('listNetworks', (q: Obj = {}) =>
        state.networks.filter(
          (n) =>
            (q.projectId === undefined || n.projectId === q.projectId) &&
            (q.shared === undefined || !!n.shared === q.shared) &&
            (q.isRouterExternal === undefined || !!n.isRouterExternal === q.isRouterExternal),
        ),
      ),
      findNetwork: rec('findNetwork', async (n: string) => {
        const net = state.networks.find((x) => x.id === n || x.name === n);
        if (!net) throw new ResourceNotFoundError(`no network with id or name "${n}"`);
        return net;
      }),
      listPorts: recList('listPorts', (q: Obj = {}) => state.ports.filter((p) => p.deviceId === q.deviceId)),
      listFloatingIps: recList('listFloatingIps', (q: Obj = {}) =>
        [...state.fips.values()].filter((f) => q.portId === undefined || f.portId === q.portId),
      ),
      createFloatingIp: rec('createFloatingIp', async (a: Obj) => {
        const f = {
          id: id('fip'),
          floatingIpAddress: opts.floatingIpAddress ?? `172.24.4.${seq}`,
          floatingNetworkId: a.floatingNetworkId,
        };
        state.fips.set(f.id, f);
        return f;
      }),
      associateFloatingIp: rec('associateFloatingIp', async (f: Obj, p: Obj) => {
        const fip = state.fips.get(f.id)!;
        fip.portId = p.id;
        return { ...fip };
      }),
      disassociateFloatingIp: rec('disassociateFloatingIp', async (fid: string) => {
        const fip = state.fips.get(fid);
        if (fip) fip.portId = undefined;
      }),
      deleteFloatingIp: rec('deleteFloatingIp', async (fid: string) => state.fips.delete(fid)),
      getSecurityGroup: rec('getSecurityGroup', async (gid: string) => {
        const g = state.securityGroups.get(gid);
        if (!g) throw new NotFoundError({ status: 404, method: 'GET', url: gid });
        return g;
      }),
    },
    blockStorage: {
      createVolume: rec('createVolume', async (a: Obj) => {
        const v = { id: id('vol'), status: 'creating', ...a };
        state.volumes.set(v.id, v);
        return v;
      }),
      waitForVolume: rec('waitForVolume', async (vid: string) => {
        const v = state.volumes.get(vid)!;
        v.status = 'available';
        return v;
      }),
      getVolume: rec('getVolume', async (vid: string) => {
        const v = state.volumes.get(vid);
        if (!v) throw new NotFoundError({ status: 404, method: 'GET', url: vid });
        return v;
      }),
      deleteVolume: rec('deleteVolume', async (vid: string) => state.volumes.delete(vid)),
      findVolume: rec('findVolume', async (n: string) => {
        const v = [...state.volumes.values()].find((x) => x.id === n || x.name === n);
        if (!v) throw new ResourceNotFoundError(`no volume with id or name "${n}"`);
        return v;
      }),
      listAvailabilityZones: recList('listAvailabilityZones', () =>
        (opts.volumeZones ?? ['nova']).map((zoneName) => ({ zoneName, zoneState: { available: true } })),
      ),
    },
  };
  return { conn: conn as unknown as CloudConnection, calls, state, failOn };
}

/**
 * Servers web1 (srv-1) and web2 (srv-2) and an available volume "data" (vol-1), with `volume`'s
 * fields over the defaults: the starting point of the attach and detach tests.
 */
export function withServersAndVolume(f: FakeCloud, volume: Record<string, unknown> = {}): void {
  f.state.servers.set('srv-1', { id: 'srv-1', name: 'web1', raw: {} });
  f.state.servers.set('srv-2', { id: 'srv-2', name: 'web2', raw: {} });
  f.state.volumes.set('vol-1', {
    id: 'vol-1',
    name: 'data',
    status: 'available',
    attachments: [],
    ...volume,
  });
}
