/**
 * A server snapshot carries the guest's disk: a page written to /data over SSH is served by a
 * new server booted from the snapshot. The fake driver uploads no disk; this needs the real one.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { functionalSuite } from '../../support/cloud.js';
import { bootServer, dataplaneFixture, httpGetWhenUp, sshRun, testCleanup } from './helpers.js';

// serves /data/www, which only the disk (not the user data) fills
const userData = ['#!/bin/sh', 'mkdir -p /data/www', 'httpd -p 8080 -h /data/www'].join('\n');

functionalSuite(
  'data plane: a snapshot serves what was written before it (demo)',
  { timeout: 900_000 },
  (suite) => {
    const fixture = dataplaneFixture(suite, 'snap');

    test('write to /data, snapshot, boot from it: the same page', async (t) => {
      const fx = fixture();
      const cleanup = testCleanup(t);
      const content = `written before the snapshot by ${fx.prefix}`;
      const first = await bootServer(fx, cleanup, { name: 'orig', userData });
      assert.ok(first.publicV4, 'the first server must have a floating IP');
      const w = await sshRun(first.publicV4, fx.keyFile, `echo '${content}' > /data/www/index.html && sync`);
      assert.equal(w.status, 0, `writing the page over SSH must succeed: ${w.stderr}`);
      assert.equal((await httpGetWhenUp(`http://${first.publicV4}:8080/`)).trim(), content, 'served before');

      const imageName = `${fx.prefix}-snapshot`;
      cleanup.add(`image ${imageName}`, async () => {
        for (const i of await fx.conn.image.listImages({ name: imageName }).toArray())
          await fx.conn.image.deleteImage(i.id, { ignoreMissing: true });
      });
      const imageId = await fx.conn.compute.createServerImage(first.server.id, imageName);
      const image = await fx.conn.image.waitForImage(imageId, 'active', {
        timeoutMs: 300_000,
        intervalMs: 2000,
      });
      assert.ok((image.size ?? 0) > 0, `the snapshot must carry a disk (size ${image.size})`);

      const copy = await bootServer(fx, cleanup, { name: 'copy', userData, image: imageId });
      assert.ok(copy.publicV4, 'the server from the snapshot must have a floating IP');
      assert.notEqual(copy.publicV4, first.publicV4, 'two servers, two addresses');
      const body = await httpGetWhenUp(`http://${copy.publicV4}:8080/`);
      assert.equal(body.trim(), content, 'the server from the snapshot serves the page written before it');
    });
  },
);
