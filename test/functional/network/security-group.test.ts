/** Security groups and rules as the demo project: every verb, protocols, port ranges, remotes, tags. */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { ConflictError, NotFoundError, ValidationError } from '../../../src/errors/errors.js';
import { functionalSuite } from '../../support/cloud.js';

functionalSuite('network/security-group', (suite) => {
  const conn = suite.demo();
  const net = conn.network;
  const { cleanup } = suite;

  describe('network: security groups and rules (demo)', () => {
    let sgId = '';
    let peerId = '';
    const name = suite.name('sg');

    before(async () => {
      const sg = await net.createSecurityGroup({ name, description: 'sdk test', stateful: true });
      sgId = sg.id;
      cleanup.add(`security group ${sg.id}`, () => net.deleteSecurityGroup(sg.id, { ignoreMissing: true }));
      const peer = await net.createSecurityGroup({ name: suite.name('sg-peer') });
      peerId = peer.id;
      cleanup.add(`security group ${peer.id}`, () =>
        net.deleteSecurityGroup(peer.id, { ignoreMissing: true }),
      );
    });

    test('security group create/get/find/update/list', async () => {
      const sg = await net.getSecurityGroup(sgId);
      assert.equal(sg.name, name);
      assert.equal(sg.description, 'sdk test');
      assert.equal(sg.stateful, true);
      // neutron adds the two default egress rules (IPv4 and IPv6)
      const rules = sg.securityGroupRules ?? [];
      assert.equal(rules.length, 2);
      assert.deepEqual(
        rules.map((r) => r.direction),
        ['egress', 'egress'],
      );
      assert.deepEqual(rules.map((r) => r.ethertype).sort(), ['IPv4', 'IPv6']);

      assert.equal((await net.findSecurityGroup(name)).id, sgId);
      const u = await net.updateSecurityGroup(sg, { description: 'changed', name: `${name}-x` });
      assert.equal(u.description, 'changed');
      assert.equal(u.name, `${name}-x`);
      await net.updateSecurityGroup(sgId, { name });
      const listed = await net.listSecurityGroups({ name }).toArray();
      assert.deepEqual(
        listed.map((x) => x.id),
        [sgId],
      );
      // the project's default group exists and is listed too
      assert.ok((await net.listSecurityGroups({ name: 'default' }).toArray()).length >= 1);
    });

    test('rules: tcp port range from a CIDR, icmp type/code, remote group, any protocol', async () => {
      const ssh = await net.createSecurityGroupRule({
        securityGroupId: sgId,
        direction: 'ingress',
        ethertype: 'IPv4',
        protocol: 'tcp',
        portRangeMin: 22,
        portRangeMax: 22,
        remoteIpPrefix: '192.0.2.0/24',
        description: 'ssh from docs net',
      });
      cleanup.add(`rule ${ssh.id}`, () => net.deleteSecurityGroupRule(ssh.id, { ignoreMissing: true }));
      assert.equal(ssh.protocol, 'tcp');
      assert.equal(ssh.portRangeMin, 22);
      assert.equal(ssh.portRangeMax, 22);
      assert.equal(ssh.remoteIpPrefix, '192.0.2.0/24');
      assert.equal(ssh.remoteGroupId, null);
      assert.equal(ssh.direction, 'ingress');
      assert.equal(ssh.description, 'ssh from docs net');

      const web = await net.createSecurityGroupRule({
        securityGroupId: sgId,
        direction: 'ingress',
        protocol: 'udp',
        portRangeMin: 8000,
        portRangeMax: 8100,
        remoteGroupId: peerId,
      });
      cleanup.add(`rule ${web.id}`, () => net.deleteSecurityGroupRule(web.id, { ignoreMissing: true }));
      assert.equal(web.remoteGroupId, peerId);
      assert.equal(web.remoteIpPrefix, null);
      assert.equal(web.ethertype, 'IPv4', 'IPv4 by default');

      const ping = await net.createSecurityGroupRule({
        securityGroupId: sgId,
        direction: 'ingress',
        ethertype: 'IPv6',
        protocol: 'ipv6-icmp',
        portRangeMin: 128,
        portRangeMax: 0,
      });
      cleanup.add(`rule ${ping.id}`, () => net.deleteSecurityGroupRule(ping.id, { ignoreMissing: true }));
      assert.equal(ping.portRangeMin, 128);
      assert.equal(ping.portRangeMax, 0);

      // numeric protocol, no ports; bulk create in one request
      const [gre, all] = await net.createSecurityGroupRules([
        { securityGroupId: sgId, direction: 'ingress', protocol: 47 },
        { securityGroupId: sgId, direction: 'ingress', ethertype: 'IPv6', remoteIpPrefix: 'fd00::/8' },
      ]);
      for (const r of [gre!, all!])
        cleanup.add(`rule ${r.id}`, () => net.deleteSecurityGroupRule(r.id, { ignoreMissing: true }));
      assert.equal(String(gre!.protocol), '47');
      assert.equal(all!.protocol, null);
      assert.equal(all!.portRangeMin, null);

      // a duplicate is refused by neutron
      await assert.rejects(
        net.createSecurityGroupRule({
          securityGroupId: sgId,
          direction: 'ingress',
          ethertype: 'IPv4',
          protocol: 'tcp',
          portRangeMin: 22,
          portRangeMax: 22,
          remoteIpPrefix: '192.0.2.0/24',
        }),
        ConflictError,
      );
      // and bad input never leaves the client
      await assert.rejects(
        net.createSecurityGroupRule({ securityGroupId: sgId, direction: 'inbound' as never }),
        ValidationError,
      );

      const got = await net.getSecurityGroupRule(ssh.id);
      assert.equal(got.securityGroupId, sgId);
      const ingress = await net
        .listSecurityGroupRules({ securityGroupId: sgId, direction: 'ingress' })
        .toArray();
      assert.deepEqual(ingress.map((r) => r.id).sort(), [ssh.id, web.id, ping.id, gre!.id, all!.id].sort());
      const tcp = await net.listSecurityGroupRules({ securityGroupId: sgId, protocol: 'tcp' }).toArray();
      assert.deepEqual(
        tcp.map((r) => r.id),
        [ssh.id],
      );
      assert.equal((await net.getSecurityGroup(sgId)).securityGroupRules?.length, 7);

      await net.deleteSecurityGroupRule(ssh);
      await assert.rejects(net.getSecurityGroupRule(ssh.id), NotFoundError);
      for (const r of [web, ping, gre!, all!]) await net.deleteSecurityGroupRule(r);
      assert.equal(
        (await net.listSecurityGroupRules({ securityGroupId: sgId, direction: 'ingress' }).toArray()).length,
        0,
      );
    });

    test('tags on security groups', async () => {
      const sg = await net.getSecurityGroup(sgId);
      const tag = suite.name('sgtag');
      await net.setTags(sg, [tag, 'web']);
      assert.deepEqual(
        (await net.listSecurityGroups({ tags: tag }).toArray()).map((x) => x.id),
        [sgId],
      );
      assert.deepEqual((await net.listTags(sg)).sort(), [tag, 'web'].sort());
      await net.clearTags(sg);
      assert.deepEqual((await net.getSecurityGroup(sgId)).tags, []);
    });

    test('a group in use by a port cannot be deleted; delete after the port', async () => {
      const n = await net.createNetwork({ name: suite.name('sgnet') });
      cleanup.add(`network ${n.id}`, () => net.deleteNetwork(n.id, { ignoreMissing: true }));
      const p = await net.createPort({ networkId: n.id, securityGroups: [peerId] });
      cleanup.add(`port ${p.id}`, () => net.deletePort(p.id, { ignoreMissing: true }));
      await assert.rejects(net.deleteSecurityGroup(peerId), ConflictError);
      await net.deletePort(p);
      await net.deleteNetwork(n);
      // the remote-group rule above is gone, so the peer can go now
      await net.deleteSecurityGroup(peerId);
      await net.deleteSecurityGroup(sgId);
      await assert.rejects(net.getSecurityGroup(sgId), NotFoundError);
    });
  });
});
