/**
 * The other bare metal resources on the dev cloud's ironic, as admin: chassis, ports (with
 * pagination), port groups, drivers and their properties, allocations with their waiter (a node
 * found, and no node matching), deploy templates.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, test } from 'node:test';
import { BadRequestError, HttpError, NotFoundError, ResourceFailureError } from '../../../src/index.js';
import type { NodeResource } from '../../../src/services/baremetal/index.js';
import { functionalSuite } from '../../support/cloud.js';
import { removeNode } from './helpers.js';

const hex = () => randomBytes(1).toString('hex');
const macs = (n: number) => {
  const base = `52:54:${hex()}:${hex()}:${hex()}`;
  return Array.from({ length: n }, (_, i) => `${base}:${i.toString(16).padStart(2, '0')}`);
};

functionalSuite(
  'baremetal: chassis, ports, groups, drivers, allocations (admin)',
  { timeout: 240_000 },
  (suite) => {
    const bm = suite.admin().baremetal;
    const tag = randomBytes(3).toString('hex');
    const resourceClass = `ossdk-test-${tag}`;
    let node: NodeResource;

    before(async () => {
      node = await bm.createNode({ name: suite.name('node'), driver: 'fake-hardware', resourceClass });
      suite.cleanup.add(`node ${node.uuid}`, () => removeNode(bm, node.uuid));
    });

    test('chassis: create, get, list, update, delete (refused while it has nodes)', async () => {
      const chassis = await bm.createChassis({ description: `ossdk ${tag}` });
      suite.cleanup.add(`chassis ${chassis.uuid}`, async () => {
        // a chassis with nodes cannot go: take ours out first if a failed test left it there
        const n = await bm.getNode(node.uuid).catch(() => undefined);
        if (n?.chassisUuid === chassis.uuid) await bm.updateNode(n, { chassisUuid: null });
        await bm.deleteChassis(chassis.uuid, { ignoreMissing: true });
      });
      assert.equal(
        (await bm.getChassis(chassis.uuid)).description,
        `ossdk ${tag}`,
        'get returns the description',
      );
      const all = await bm.listChassis().toArray();
      assert.ok(
        all.some((c) => c.uuid === chassis.uuid),
        'the detail listing has it',
      );
      const updated = await bm.updateChassis(chassis, { extras: { row: 'B' } });
      assert.deepEqual(updated.extras, { row: 'B' }, 'the patch sets extra');
      await bm.updateNode(node, { chassisUuid: chassis.uuid });
      await assert.rejects(bm.deleteChassis(chassis), BadRequestError, 'a chassis with nodes cannot go');
      await bm.updateNode(node, { chassisUuid: null });
      await bm.deleteChassis(chassis);
      await assert.rejects(bm.getChassis(chassis.uuid), NotFoundError, 'the chassis is gone');
    });

    test('ports and port groups: CRUD, filters and pagination', async () => {
      const group = await bm.createPortGroup({
        nodeUuid: node.uuid,
        name: `bond-${tag}`,
        mode: 'active-backup',
      });
      suite.cleanup.add(`port group ${group.uuid}`, () =>
        bm.deletePortGroup(group.uuid, { ignoreMissing: true }),
      );
      assert.equal(group.mode, 'active-backup', 'the bonding mode is kept');
      assert.equal((await bm.findPortGroup(`bond-${tag}`)).uuid, group.uuid, 'find by name');
      const addresses = macs(3);
      const ports = [];
      for (const address of addresses) {
        const p = await bm.createPort({ nodeUuid: node.uuid, address, portgroupUuid: group.uuid });
        suite.cleanup.add(`port ${p.uuid}`, () => bm.deletePort(p.uuid, { ignoreMissing: true }));
        ports.push(p);
      }
      assert.equal(ports[0]!.portgroupUuid, group.uuid, 'the port is in the group');
      const pages: number[] = [];
      for await (const page of bm.listPorts({ node: node.uuid, limit: 2 }).pages()) pages.push(page.length);
      assert.deepEqual(
        pages.slice(0, 2),
        [2, 1],
        `three ports come in pages of two (got ${pages.join(',')})`,
      );
      const byAddress = await bm.listPorts({ address: addresses[1]! }).toArray();
      assert.deepEqual(
        byAddress.map((p) => p.uuid),
        [ports[1]!.uuid],
        'the address filter finds one port',
      );
      const updated = await bm.updatePort(ports[0]!, { pxeEnabled: false, extras: { switch: 'tor-1' } });
      assert.equal(updated.pxeEnabled, false, 'pxe_enabled is patched');
      const inGroup = await bm.listPorts({ portgroup: group.uuid }).toArray();
      assert.equal(inGroup.length, 3, 'the group has the three ports');
      // ironic 21 checks for member ports by uuid where it stores ids: the foreign key refuses the
      // delete instead, as a 500 rather than PortgroupNotEmpty's 400
      await assert.rejects(bm.deletePortGroup(group), HttpError, 'a group with ports cannot go');
      assert.equal((await bm.getPort(ports[0]!)).portgroupUuid, group.uuid, 'the group survived');
      for (const p of ports) await bm.deletePort(p);
      await bm.deletePortGroup(group);
      assert.equal((await bm.listPorts({ node: node.uuid }).toArray()).length, 0, 'the ports are gone');
    });

    test('drivers: list, get and properties', async () => {
      const drivers = await bm.listDrivers().toArray();
      const fake = drivers.find((d) => d.name === 'fake-hardware');
      assert.ok(
        fake && fake.hosts.length > 0,
        `fake-hardware runs on a conductor: ${JSON.stringify(drivers)}`,
      );
      const one = await bm.getDriver('fake-hardware');
      assert.equal(one.defaultPowerInterface, 'fake', 'the detail shows its default interfaces');
      const props = await bm.getDriverProperties('fake-hardware');
      assert.equal(typeof props, 'object', 'properties are an object of descriptions');
    });

    test('allocations: one finds the node, one fails with the reason', async () => {
      await bm.manageNode(node, { wait: { timeoutMs: 60_000, intervalMs: 500 } });
      await bm.provideNode(node, { wait: { timeoutMs: 60_000, intervalMs: 500 } });
      // allocations only pick nodes with a known power state, and a fake node has none until set
      await bm.powerOffNode(node, { wait: { timeoutMs: 60_000, intervalMs: 500 } });
      const a = await bm.createAllocation({ resourceClass, name: `alloc-${tag}` });
      suite.cleanup.add(`allocation ${a.uuid}`, () => bm.deleteAllocation(a.uuid, { ignoreMissing: true }));
      const done = await bm.waitForAllocation(a, { timeoutMs: 60_000, intervalMs: 500 });
      assert.equal(done.state, 'active', 'the allocation is active');
      assert.equal(done.nodeUuid, node.uuid, 'it picked our node, the only one of its class');
      assert.equal((await bm.getNode(node)).allocationUuid, a.uuid, 'the node shows its allocation');
      const listed = await bm.listAllocations({ node: node.uuid }).toArray();
      assert.deepEqual(
        listed.map((x) => x.uuid),
        [a.uuid],
        'listing by node finds it',
      );
      await bm.deleteAllocation(done);
      const none = await bm.createAllocation({ resourceClass: `${resourceClass}-none` });
      suite.cleanup.add(`allocation ${none.uuid}`, () =>
        bm.deleteAllocation(none.uuid, { ignoreMissing: true }),
      );
      await assert.rejects(
        bm.waitForAllocation(none, { timeoutMs: 60_000, intervalMs: 500 }),
        (e) => e instanceof ResourceFailureError && e.status === 'error' && /resource class/i.test(e.message),
        "the wait fails with ironic's last_error",
      );
      await bm.deleteAllocation(none);
    });

    test('deploy templates: create, update, list, delete', async () => {
      const name = `CUSTOM_OSSDK_${tag.toUpperCase()}`;
      const t = await bm.createDeployTemplate({
        name,
        steps: [{ interface: 'bios', step: 'apply_configuration', args: { settings: [] }, priority: 150 }],
      });
      suite.cleanup.add(`deploy template ${t.uuid}`, () =>
        bm.deleteDeployTemplate(t.uuid, { ignoreMissing: true }),
      );
      assert.equal(t.steps[0]?.priority, 150, 'the step is kept');
      const u = await bm.updateDeployTemplate(t, { extras: { purpose: 'test' } });
      assert.deepEqual(u.extras, { purpose: 'test' }, 'the patch sets extra');
      assert.equal((await bm.findDeployTemplate(name)).uuid, t.uuid, 'find by name');
      const all = await bm.listDeployTemplates().toArray();
      assert.ok(
        all.some((x) => x.name === name),
        'listed',
      );
      await bm.deleteDeployTemplate(t);
      await assert.rejects(bm.getDeployTemplate(t.uuid), NotFoundError, 'the template is gone');
    });
  },
);
