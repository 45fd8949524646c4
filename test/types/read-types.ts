/**
 * Read types of the public surface: what a resource read back promises. Compiled (never run)
 * by `npm run test:types`; a wrong type is a compile error here.
 */
import { expectTypeOf } from 'expect-type';
import type { BlockStorageV3, ComputeV2, IdentityV3, ImageV2, NetworkV2, OpenEnum } from '../../src/index.js';

/** Whether key K of T may be absent. */
type IsOptional<T, K extends keyof T> = {} extends Pick<T, K> ? true : false;
type Got<M extends (...a: any[]) => Promise<unknown>> = Awaited<ReturnType<M>>;

type Server = Got<ComputeV2['getServer']>;
type Port = Got<NetworkV2['getPort']>;
type Network = Got<NetworkV2['getNetwork']>;
type Image = Got<ImageV2['getImage']>;
type Volume = Got<BlockStorageV3['getVolume']>;
type Project = Got<IdentityV3['getProject']>;

// Server: always fields required, nulls where nova sends them, gated fields optional
expectTypeOf<Server['name']>().toEqualTypeOf<string>();
expectTypeOf<IsOptional<Server, 'name'>>().toEqualTypeOf<false>();
expectTypeOf<IsOptional<Server, 'status'>>().toEqualTypeOf<false>();
expectTypeOf<Server['created']>().toEqualTypeOf<string>();
expectTypeOf<IsOptional<Server, 'keyName'>>().toEqualTypeOf<true>();
expectTypeOf<Server['keyName']>().toEqualTypeOf<string | null | undefined>();
expectTypeOf<Server['taskState']>().toEqualTypeOf<string | null | undefined>();
expectTypeOf<IsOptional<Server, 'description'>>().toEqualTypeOf<true>(); // 2.19+
expectTypeOf<Server['description']>().toEqualTypeOf<string | null | undefined>();
expectTypeOf<IsOptional<Server, 'tags'>>().toEqualTypeOf<true>(); // 2.52+
// an enum reads back open: a newer nova may report a value this SDK does not know
expectTypeOf<Server['diskConfig']>().toEqualTypeOf<OpenEnum<'AUTO' | 'MANUAL'> | undefined>();
// undeclared keys stay reachable
expectTypeOf<Server['extra']>().toEqualTypeOf<Record<string, unknown>>();
expectTypeOf<Server['raw']>().toEqualTypeOf<Record<string, unknown>>();

// Port
expectTypeOf<Port['networkId']>().toEqualTypeOf<string>();
expectTypeOf<Port['macAddress']>().toEqualTypeOf<string>();
expectTypeOf<Port['fixedIps']>().not.toBeUndefined();
expectTypeOf<IsOptional<Port, 'fixedIps'>>().toEqualTypeOf<false>();
expectTypeOf<Port['description']>().toEqualTypeOf<string>();
expectTypeOf<Port['qosPolicyId']>().toEqualTypeOf<string | null | undefined>();
expectTypeOf<IsOptional<Port, 'dnsName'>>().toEqualTypeOf<true>(); // dns extension

// Network
expectTypeOf<Network['name']>().toEqualTypeOf<string>();
expectTypeOf<Network['subnets']>().toEqualTypeOf<string[]>();
expectTypeOf<Network['projectId']>().toEqualTypeOf<string>();
expectTypeOf<Network['revisionNumber']>().toEqualTypeOf<number>();
expectTypeOf<Network['qosPolicyId']>().toEqualTypeOf<string | null | undefined>();
expectTypeOf<IsOptional<Network, 'mtu'>>().toEqualTypeOf<true>(); // net-mtu extension

// Image: glance sends every core property, null when unknown
expectTypeOf<Image['name']>().toEqualTypeOf<string | null>();
expectTypeOf<IsOptional<Image, 'name'>>().toEqualTypeOf<false>();
expectTypeOf<Image['size']>().toEqualTypeOf<number | null>();
expectTypeOf<Image['checksum']>().toEqualTypeOf<string | null>();
expectTypeOf<Image['status']>().toExtend<string>();
expectTypeOf<'active'>().toExtend<Image['status']>();
expectTypeOf<IsOptional<Image, 'directUrl'>>().toEqualTypeOf<true>();

// Volume
expectTypeOf<Volume['size']>().toEqualTypeOf<number>();
expectTypeOf<Volume['status']>().toEqualTypeOf<string>();
expectTypeOf<Volume['name']>().toEqualTypeOf<string | null>();
expectTypeOf<Volume['updatedAt']>().toEqualTypeOf<string | null>();
expectTypeOf<IsOptional<Volume, 'host'>>().toEqualTypeOf<true>(); // admin only
expectTypeOf<Volume['host']>().toEqualTypeOf<string | null | undefined>();

// Project
expectTypeOf<Project['name']>().toEqualTypeOf<string>();
expectTypeOf<Project['domainId']>().toEqualTypeOf<string | null>();
expectTypeOf<Project['enabled']>().toEqualTypeOf<boolean>();
expectTypeOf<Project['description']>().toEqualTypeOf<string | null | undefined>();

/** Instances: service-set fields are read-only, user-set ones writable. */
export function instances(server: Server, port: Port): void {
  // @ts-expect-error status is set by nova
  server.status = 'ACTIVE';
  server.name = 'renamed';
  // @ts-expect-error id is read-only
  port.id = 'other';
  port.description = 'front end';
}
