/**
 * Sharing an image with the demo project (members) and deactivation, against the dev cloud:
 * the admin shares and deactivates, demo accepts and downloads.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { type Connection, ForbiddenError, NotFoundError } from '../../../src/index.js';
import { functionalSuite } from '../../support/cloud.js';

functionalSuite('image/sharing', (suite) => {
  let admin: Connection;
  let demo: Connection;
  const { cleanup } = suite;

  before(() => {
    admin = suite.admin();
    demo = suite.demo();
  });

  async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const c of stream) parts.push(c as Buffer);
    return Buffer.concat(parts);
  }

  describe('image members and deactivation', () => {
    test('share with demo, demo accepts and downloads; deactivate blocks demo; unshare', async () => {
      const demoProject = (await demo.authorize()).projectId!;
      const name = suite.name('shared');
      const img = await admin.image.createImage({
        name,
        diskFormat: 'raw',
        containerFormat: 'bare',
        visibility: 'shared',
      });
      cleanup.add(`image ${name}`, () => admin.image.deleteImage(img.id, { ignoreMissing: true }));
      const data = randomBytes(256 * 1024);
      await admin.image.uploadImage(img, data);

      // not shared yet: demo cannot see it
      await assert.rejects(demo.image.getImage(img.id), NotFoundError);

      const m = await admin.image.addImageMember(img, demoProject);
      assert.equal(m.memberId, demoProject);
      assert.equal(m.imageId, img.id);
      assert.equal(m.status, 'pending');
      assert.deepEqual(
        (await admin.image.listImageMembers(img).toArray()).map((x) => [x.memberId, x.status]),
        [[demoProject, 'pending']],
      );

      // pending: visible by id and in the shared listing with member_status=pending
      assert.equal((await demo.image.getImage(img.id)).name, name);
      const pending = await demo.image
        .listImages({ visibility: 'shared', memberStatus: 'pending' })
        .toArray();
      assert.ok(pending.some((i) => i.id === img.id));

      const accepted = await demo.image.updateImageMember(img.id, demoProject, 'accepted');
      assert.equal(accepted.status, 'accepted');
      assert.equal((await admin.image.getImageMember(img, demoProject)).status, 'accepted');
      const shared = await demo.image.listImages({ visibility: 'shared' }).toArray();
      assert.ok(
        shared.some((i) => i.id === img.id),
        'accepted images are listed by default',
      );

      assert.deepEqual(await readAll((await demo.image.downloadImage(img.id)).stream), data);

      // deactivation (admin only): the member can no longer download, the admin still can
      await assert.rejects(demo.image.deactivateImage(img.id), ForbiddenError);
      await admin.image.deactivateImage(img.id);
      assert.equal((await admin.image.getImage(img.id)).status, 'deactivated');
      await assert.rejects(demo.image.downloadImage(img.id), (e: unknown) => {
        assert.ok(e instanceof ForbiddenError);
        assert.equal(e.status, 403);
        assert.ok(e.requestId);
        return true;
      });
      assert.deepEqual(await readAll((await admin.image.downloadImage(img.id)).stream), data);
      await admin.image.reactivateImage(img.id);
      assert.equal((await admin.image.getImage(img.id)).status, 'active');
      assert.deepEqual(await readAll((await demo.image.downloadImage(img.id)).stream), data);

      await admin.image.removeImageMember(img, demoProject);
      await assert.rejects(admin.image.getImageMember(img, demoProject), NotFoundError);
      await assert.rejects(demo.image.getImage(img.id), NotFoundError);
    });

    test('demo cannot add members to an image it does not own', async () => {
      const name = suite.name('not-demos');
      const img = await admin.image.createImage({ name, visibility: 'shared' });
      cleanup.add(`image ${name}`, () => admin.image.deleteImage(img.id, { ignoreMissing: true }));
      await assert.rejects(demo.image.addImageMember(img.id, 'someone'), (e: Error & { status?: number }) =>
        [403, 404].includes(e.status ?? 0),
      );
    });
  });
});
