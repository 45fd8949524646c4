/**
 * Create/update inputs reject, at compile time, what the API rejects: values outside a closed
 * set and missing required keys. Compiled (never run) by `npm run test:types`.
 */
import type { Connection } from '../../src/index.js';

/** Never called: each marked call must fail to compile, each other call must compile. */
export async function inputs(conn: Connection): Promise<void> {
  const parent = { parent: { qosPolicyId: 'qp' } };

  // neutron: ip_version is the number 4 or 6
  await conn.network.createSubnet({ networkId: 'n', ipVersion: 6, cidr: 'fd00::/64' });
  // @ts-expect-error 5 is not an IP version
  await conn.network.createSubnet({ networkId: 'n', ipVersion: 5, cidr: '10.0.0.0/24' });
  // @ts-expect-error the string '4' is not the number 4
  await conn.network.createSubnet({ networkId: 'n', ipVersion: '4', cidr: '10.0.0.0/24' });
  // @ts-expect-error ipVersion is required to create a subnet
  await conn.network.createSubnet({ networkId: 'n', cidr: '10.0.0.0/24' });
  await conn.network.createAddressScope({ name: 's', ipVersion: 4 });
  // @ts-expect-error 8 is not an IP version
  await conn.network.createAddressScope({ name: 's', ipVersion: 8 });
  // @ts-expect-error ipVersion is required to create an address scope
  await conn.network.createAddressScope({ name: 's' });

  // neutron: each QoS rule needs its value
  await conn.network.createQosBandwidthLimitRule({ maxKbps: 1000 }, parent);
  // @ts-expect-error maxKbps is required
  await conn.network.createQosBandwidthLimitRule({ maxBurstKbps: 100 }, parent);
  await conn.network.createQosDscpMarkingRule({ dscpMark: 26 }, parent);
  // @ts-expect-error dscpMark is required
  await conn.network.createQosDscpMarkingRule({}, parent);
  await conn.network.createQosMinimumBandwidthRule({ minKbps: 1000 }, parent);
  // @ts-expect-error minKbps is required
  await conn.network.createQosMinimumBandwidthRule({ direction: 'egress' }, parent);
  await conn.network.createQosMinimumPacketRateRule({ minKpps: 100, direction: 'any' }, parent);
  // @ts-expect-error minKpps is required
  await conn.network.createQosMinimumPacketRateRule({ direction: 'any' }, parent);
  await conn.network.createQosPacketRateLimitRule({ maxKpps: 100 }, parent);
  // @ts-expect-error maxKpps is required
  await conn.network.createQosPacketRateLimitRule({ maxBurstKpps: 10 }, parent);
  // updates of a rule need no value
  await conn.network.updateQosBandwidthLimitRule('r', { maxBurstKbps: 10 }, parent);

  // glance: documented disk and container formats
  await conn.image.createImage({ name: 'i', diskFormat: 'qcow2', containerFormat: 'bare' });
  // @ts-expect-error qcow3 is not a disk format
  await conn.image.createImage({ name: 'i', diskFormat: 'qcow3', containerFormat: 'bare' });
  // @ts-expect-error tar is not a container format
  await conn.image.createImage({ name: 'i', diskFormat: 'raw', containerFormat: 'tar' });
  await conn.image.updateImage('img', { diskFormat: 'raw', containerFormat: null });
  // @ts-expect-error formats are lower case
  await conn.image.updateImage('img', { diskFormat: 'RAW' });
  await conn.image.importImage('img', { name: 'web-download', uri: 'https://example.com/d.qcow2' });
  // @ts-expect-error ftp-download is not an import method
  await conn.image.importImage('img', { name: 'ftp-download' });

  // cinder: attach mode and retype migration policy
  await conn.blockStorage.attachVolume('v', { mountpoint: '/dev/vdb', instanceUuid: 's', mode: 'ro' });
  // @ts-expect-error wo is not an attach mode
  await conn.blockStorage.attachVolume('v', { mountpoint: '/dev/vdb', instanceUuid: 's', mode: 'wo' });
  await conn.blockStorage.retypeVolume('v', 'ssd', { migrationPolicy: 'on-demand' });
  // @ts-expect-error always is not a migration policy
  await conn.blockStorage.retypeVolume('v', 'ssd', { migrationPolicy: 'always' });
  await conn.blockStorage.resetVolumeStatus('v', { attachStatus: 'detached' });
  // @ts-expect-error attaching is not an attach status one may set
  await conn.blockStorage.resetVolumeStatus('v', { attachStatus: 'attaching' });

  // keystone: an access rule's method is an upper-case HTTP method
  await conn.identity.createApplicationCredential({
    name: 'ac',
    accessRules: [{ service: 'compute', method: 'GET', path: '/v2.1/servers' }],
  });
  await conn.identity.createApplicationCredential({
    name: 'ac',
    // @ts-expect-error get is not an access rule method
    accessRules: [{ service: 'compute', method: 'get', path: '/v2.1/servers' }],
  });

  // nova and cinder enums declared before: reboot type, resize disk config, attachment mode
  await conn.compute.rebootServer('s', 'SOFT');
  // @ts-expect-error MEDIUM is not a reboot type
  await conn.compute.rebootServer('s', 'MEDIUM');
}
