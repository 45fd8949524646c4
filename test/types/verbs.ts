/**
 * Inputs and verbs of the public surface: create and update inputs, list element types, find,
 * and the answers typed as partial. Compiled (never run) by `npm run test:types`.
 */
import { expectTypeOf } from 'expect-type';
import type {
  Connection,
  compute,
  network,
  PartialResource,
  Resource,
  ResourceList,
} from '../../src/index.js';

type ServerFields = (typeof compute.Server)['fields'];
type NetworkFields = (typeof network.Network)['fields'];

/** Never called: the calls below only have to compile (or fail to, where marked). */
export async function surface(conn: Connection): Promise<void> {
  // the snippet: a listed server's name is a string
  for await (const s of conn.compute.listServers()) {
    const n: string = s.name;
    expectTypeOf(n).toEqualTypeOf<string>();
  }
  expectTypeOf(conn.compute.listServers()).toEqualTypeOf<ResourceList<Resource<ServerFields>>>();
  expectTypeOf(conn.network.listNetworks({ name: 'private' })).toEqualTypeOf<
    ResourceList<Resource<NetworkFields>>
  >();
  // neutron's fields= returns only the named keys: such rows promise nothing
  expectTypeOf(conn.network.listNetworks({ fields: ['id'] })).toEqualTypeOf<
    ResourceList<PartialResource<NetworkFields>>
  >();

  // get returns the full resource; find may return undefined only with ignoreMissing
  expectTypeOf(conn.network.getNetwork('id')).resolves.toEqualTypeOf<Resource<NetworkFields>>();
  expectTypeOf(conn.network.findNetwork('private')).resolves.toEqualTypeOf<Resource<NetworkFields>>();
  expectTypeOf(conn.network.findNetwork('private', { ignoreMissing: true })).resolves.toEqualTypeOf<
    Resource<NetworkFields> | undefined
  >();
  const found = await conn.compute.findServer('web1', { ignoreMissing: true });
  expectTypeOf(found).toEqualTypeOf<compute.ServerResource | undefined>();

  // nova's create answer is partial: only the id is promised
  const created = await conn.compute.createServer({ name: 'web1', flavorRef: '42', networks: 'none' });
  expectTypeOf(created).toEqualTypeOf<compute.PartialServerResource>();
  expectTypeOf(created.name).toEqualTypeOf<string | undefined>();
  expectTypeOf(created.id).toEqualTypeOf<string>();
  const active = await conn.compute.waitForServer(created, 'ACTIVE');
  expectTypeOf(active.name).toEqualTypeOf<string>();
  // cinder's backup create answer too
  const backup = await conn.blockStorage.createBackup({ volumeId: 'v' });
  expectTypeOf(backup.status).toEqualTypeOf<string | undefined>();

  // create inputs: required keys, enums closed
  await conn.network.createSecurityGroupRule({ securityGroupId: 'sg', direction: 'ingress' });
  // @ts-expect-error 'up' is not a direction
  await conn.network.createSecurityGroupRule({ securityGroupId: 'sg', direction: 'up' });
  // @ts-expect-error direction is required
  await conn.network.createSecurityGroupRule({ securityGroupId: 'sg' });
  // @ts-expect-error flavorRef is required to create a server
  await conn.compute.createServer({ name: 'web1', networks: 'none' });
  // @ts-expect-error status is set by nova, never sent
  await conn.compute.createServer({ name: 'web1', flavorRef: '42', status: 'ACTIVE' });
  // a nullable field may be sent as null on create
  await conn.identity.createProject({ name: 'p', description: null });

  // update inputs: writable fields only, null clears
  await conn.network.updatePort('port-id', { name: 'vip', description: null });
  // @ts-expect-error status is read-only
  await conn.network.updatePort('port-id', { status: 'DOWN' });
  // @ts-expect-error networkId is create-only
  await conn.network.updatePort('port-id', { networkId: 'other' });
  // @ts-expect-error a string is not a boolean
  await conn.network.updateNetwork('net-id', { adminStateUp: 'yes' });
  // undeclared keys go through $extra
  await conn.network.updateNetwork('net-id', { $extra: { 'x-vendor': 1 } });
}
