/**
 * The service table is the one list of a Connection's services: every entry has both getters,
 * they return the same proxy, created on first use with the entry's spec, and every
 * microversioned entry's pin is checked when the Connection is built.
 */
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { describe, test } from 'node:test';
import { Connection } from '../../../src/connection.js';
import { ConfigError } from '../../../src/errors/errors.js';
import { SERVICE_SPECS } from '../../../src/services/service-specs.js';
import { SERVICES, type ServiceGetters, type ServiceName } from '../../../src/services/service-table.js';
import * as specs from '../../../src/services/specs.js';

/** No clouds.yaml and no OS_* of the machine running the tests (CI exports the dev cloud's). */
const isolated = { env: {}, cwd: tmpdir(), home: tmpdir(), systemDirs: [] };
const base = { auth_type: 'admin_token', auth: { token: 'tok', endpoint: 'http://127.0.0.1:1' } };

function connection(config: Record<string, unknown> = {}, microversions?: Record<string, string>) {
  return new Connection({ ...isolated, config: { ...base, ...config }, microversions });
}

const names = Object.keys(SERVICES) as ServiceName[];

describe('service table', () => {
  test('a Connection has both getters of every entry (checked by the compiler too)', async () => {
    const conn = connection();
    // an entry without its two getters, or with another proxy type, fails this assignment
    const getters: ServiceGetters = conn;
    for (const name of names) {
      const { versioned, proxy, spec } = SERVICES[name];
      const p = getters[name];
      assert.ok(p instanceof proxy, `conn.${name} should be a ${proxy.name}`);
      assert.equal(getters[versioned], p, `conn.${versioned} should be the same object as conn.${name}`);
      assert.equal(getters[name], p, `conn.${name} should be created once`);
      assert.equal(p.client.spec, spec, `conn.${name} should use the table's spec (specs.ts)`);
    }
    await conn.close();
  });

  test('every spec of specs.ts is in the table, once', () => {
    const inTable = names.map((n) => SERVICES[n].spec);
    for (const [exported, spec] of Object.entries(specs)) {
      assert.equal(inTable.filter((s) => s === spec).length, 1, `${exported} should be in the table once`);
    }
    assert.equal(inTable.length, Object.keys(specs).length, 'the table should hold only specs of specs.ts');
  });

  test('SERVICE_SPECS (the proxy-free list) names the same services with the same specs', () => {
    assert.deepEqual(
      Object.keys(SERVICE_SPECS),
      names,
      'SERVICE_SPECS and SERVICES should list the same names',
    );
    for (const name of names) {
      assert.equal(
        SERVICE_SPECS[name],
        SERVICES[name].spec,
        `SERVICE_SPECS.${name} should be the table's spec`,
      );
    }
  });

  test('a proxy is created on first use: a bad non-microversioned major fails only there', async () => {
    const conn = connection({ image_api_version: '1' });
    assert.throws(
      () => conn.image,
      (e: unknown) => e instanceof ConfigError && /image_api_version/.test(e.message),
      'conn.image should reject image_api_version 1 when it is first used',
    );
    await conn.close();
  });

  for (const name of names.filter((n) => SERVICES[n].spec.microversions)) {
    const { spec } = SERVICES[name];
    test(`a bad ${spec.serviceType} pin fails at construction`, () => {
      const wrongMajor = `${Number(spec.major) + 10}.1`;
      assert.throws(
        () => connection({}, { [spec.serviceType]: wrongMajor }),
        (e: unknown) => e instanceof ConfigError && e.message.includes(spec.serviceType),
        `microversions.${spec.serviceType} = ${wrongMajor} should be a ConfigError from the constructor`,
      );
      const key = `${spec.serviceType.replace(/-/g, '_')}_api_version`;
      assert.throws(
        () => connection({ [key]: wrongMajor }),
        (e: unknown) => e instanceof ConfigError && e.message.includes(spec.serviceType),
        `${key}: ${wrongMajor} should be a ConfigError from the constructor`,
      );
    });
  }
});
