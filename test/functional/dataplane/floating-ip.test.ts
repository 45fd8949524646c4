/**
 * A floating IP moved from one server to another: the same address then answers with the
 * second guest's page. Only a real L3 agent shows that the NAT follows the association.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { functionalSuite } from '../../support/cloud.js';
import {
  bootServer,
  dataplaneFixture,
  httpGet,
  httpGetWhenUp,
  httpUserData,
  testCleanup,
} from './helpers.js';

functionalSuite('data plane: a floating IP moved to another server (demo)', { timeout: 900_000 }, (suite) => {
  const fixture = dataplaneFixture(suite, 'fip');

  test('the moved floating IP answers from the second server', async (t) => {
    const fx = fixture();
    const cleanup = testCleanup(t);
    const first = await bootServer(fx, cleanup, { name: 'one', userData: httpUserData('server one') });
    const second = await bootServer(fx, cleanup, {
      name: 'two',
      userData: httpUserData('server two'),
      autoIp: false,
    });
    const address = first.publicV4;
    assert.ok(address, 'the first server must have a floating IP');
    assert.equal(second.publicV4, undefined, 'the second server starts without one');
    assert.equal((await httpGetWhenUp(`http://${address}:8080/`)).trim(), 'server one', 'before the move');

    const [fip] = await fx.conn.network.listFloatingIps({ floatingIpAddress: address }).toArray();
    assert.ok(fip, `floating IP ${address} must be listed`);
    // whichever server holds it when the test ends, the address goes with the test
    cleanup.add(`floating IP ${address}`, () =>
      fx.conn.network.deleteFloatingIp(fip.id, { ignoreMissing: true }),
    );
    const [port] = await fx.conn.network.listPorts({ deviceId: second.server.id }).toArray();
    assert.ok(port, 'the second server must have a port');
    const moved = await fx.conn.network.associateFloatingIp(fip.id, port.id);
    assert.equal(moved.portId, port.id, 'neutron must report the new port');

    // the L3 agent rewrites its NAT rules a moment after the API answers
    const start = Date.now();
    let body = '';
    while (Date.now() - start < 60_000) {
      body = await httpGet(`http://${address}:8080/`, 3000).then(
        (r) => r.body.trim(),
        (e: Error) => `(${e.message})`,
      );
      if (body === 'server two') break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    assert.equal(body, 'server two', `${address} must answer from the second server within 60 s`);
  });
});
