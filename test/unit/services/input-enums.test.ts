/**
 * Input values the API refuses are refused before anything is sent: closed sets (literal unions
 * on the type side) name the field and the allowed values, and required keys name the key.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ValidationError } from '../../../src/errors/errors.js';
import { fileFake } from '../../support/fake-service.js';

const m = await fileFake(['network', 'image', 'block-storage', 'identity']);
const conn = m.connection();

/** Requests that would change something: discovery GETs may run, nothing else may. */
const writes = () => m.calls.filter((c) => c.method !== 'GET');

/** `run` fails with a ValidationError naming `field` and every value of `allowed`, and sends nothing. */
async function refusesValue(
  run: () => Promise<unknown>,
  field: string,
  allowed: readonly (string | number)[],
) {
  await assert.rejects(run, (e: unknown) => {
    assert.ok(e instanceof ValidationError, `expected a ValidationError, got ${String(e)}`);
    assert.equal(e.field, field, 'the error names the field');
    assert.ok(
      e.message.includes(`must be one of ${allowed.join(', ')}`),
      `the message lists the allowed values: ${e.message}`,
    );
    return true;
  });
  assert.equal(writes().length, 0, `nothing is sent for a bad ${field}`);
}

/** `run` fails with a ValidationError saying `field` is required, and sends nothing. */
async function refusesMissing(run: () => Promise<unknown>, field: string) {
  await assert.rejects(run, (e: unknown) => {
    assert.ok(e instanceof ValidationError, `expected a ValidationError, got ${String(e)}`);
    assert.equal(e.field, field, 'the error names the missing field');
    assert.match(e.message, /is required/, 'the message says it is required');
    return true;
  });
  assert.equal(writes().length, 0, `nothing is sent without ${field}`);
}

describe('network inputs', () => {
  test('ip_version is 4 or 6 for subnets and address scopes', async () => {
    await refusesValue(
      () => conn.network.createSubnet({ networkId: 'n', ipVersion: 5 as 4, cidr: '10.0.0.0/24' }),
      'subnet.ipVersion',
      [4, 6],
    );
    // a numeric string is not the number neutron documents
    await refusesValue(
      () => conn.network.createSubnet({ networkId: 'n', ipVersion: '4' as unknown as 4 }),
      'subnet.ipVersion',
      [4, 6],
    );
    await refusesValue(
      () => conn.network.createAddressScope({ name: 's', ipVersion: 8 as 6 }),
      'address scope.ipVersion',
      [4, 6],
    );
  });

  test('a subnet needs ip_version', async () => {
    await refusesMissing(
      () => conn.network.createSubnet({ networkId: 'n', cidr: '10.0.0.0/24' } as never),
      'subnet.ipVersion',
    );
  });

  test('QoS rules need their value', async () => {
    const parent = { qosPolicyId: 'qp' };
    const cases: [() => Promise<unknown>, string][] = [
      [() => conn.network.createQosBandwidthLimitRule({ maxBurstKbps: 1 } as never, { parent }), 'maxKbps'],
      [() => conn.network.createQosDscpMarkingRule({} as never, { parent }), 'dscpMark'],
      [
        () => conn.network.createQosMinimumBandwidthRule({ direction: 'egress' } as never, { parent }),
        'minKbps',
      ],
      [
        () => conn.network.createQosMinimumPacketRateRule({ direction: 'any' } as never, { parent }),
        'minKpps',
      ],
      [() => conn.network.createQosPacketRateLimitRule({} as never, { parent }), 'maxKpps'],
    ];
    for (const [run, key] of cases) {
      await assert.rejects(run, (e: unknown) => {
        assert.ok(e instanceof ValidationError, `expected a ValidationError for ${key}, got ${String(e)}`);
        assert.ok(e.field?.endsWith(`.${key}`), `the error names ${key}: ${e.field}`);
        assert.match(e.message, /is required/, `the message says ${key} is required`);
        return true;
      });
    }
    assert.equal(writes().length, 0, 'no rule is sent without its value');
  });
});

describe('image inputs', () => {
  test('disk and container formats are glance documented ones', async () => {
    await refusesValue(
      () => conn.image.createImage({ name: 'i', diskFormat: 'qcow3' as 'qcow2', containerFormat: 'bare' }),
      'image.diskFormat',
      ['ami', 'ari', 'aki', 'vhd', 'vhdx', 'vmdk', 'raw', 'qcow2', 'vdi', 'ploop', 'iso'],
    );
    await refusesValue(
      () => conn.image.createImage({ name: 'i', diskFormat: 'raw', containerFormat: 'tar' as 'bare' }),
      'image.containerFormat',
      ['ami', 'ari', 'aki', 'bare', 'ovf', 'ova', 'docker', 'compressed'],
    );
    await refusesValue(
      () => conn.image.updateImage('img', { diskFormat: 'QCOW2' as 'qcow2' }),
      'image.diskFormat',
      ['ami', 'ari', 'aki', 'vhd', 'vhdx', 'vmdk', 'raw', 'qcow2', 'vdi', 'ploop', 'iso'],
    );
  });

  test('an import method glance does not know is refused', async () => {
    await refusesValue(
      () => conn.image.importImage('img', { name: 'ftp-download' } as never),
      'image import.method.name',
      ['glance-direct', 'web-download', 'copy-image', 'glance-download'],
    );
  });
});

describe('block storage action inputs', () => {
  test('attach mode, retype migration policy and reset attach status are closed sets', async () => {
    await refusesValue(
      () =>
        conn.blockStorage.attachVolume('v', {
          mountpoint: '/dev/vdb',
          instanceUuid: 's',
          mode: 'wo' as 'rw',
        }),
      'attachVolume.mode',
      ['rw', 'ro'],
    );
    await refusesValue(
      () => conn.blockStorage.retypeVolume('v', 'ssd', { migrationPolicy: 'always' as 'never' }),
      'retypeVolume.migrationPolicy',
      ['never', 'on-demand'],
    );
    await refusesValue(
      () => conn.blockStorage.resetVolumeStatus('v', { attachStatus: 'attaching' as 'attached' }),
      'resetVolumeStatus.attachStatus',
      ['attached', 'detached'],
    );
  });
});

describe('identity inputs', () => {
  test('an access rule method is an HTTP method keystone allows', async () => {
    await refusesValue(
      () =>
        conn.identity.createApplicationCredential({
          userId: 'u',
          name: 'ac',
          accessRules: [
            { service: 'compute', method: 'GET', path: '/v2.1/servers' },
            { service: 'compute', method: 'get' as 'GET', path: '/v2.1/servers' },
          ],
        }),
      'application credential.accessRules[1].method',
      ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    );
  });
});
