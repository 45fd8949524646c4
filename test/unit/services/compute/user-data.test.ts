import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ValidationError } from '../../../../src/errors/errors.js';
import {
  encodeUserData,
  isBase64,
  MAX_USER_DATA_LENGTH,
} from '../../../../src/services/compute/user-data.js';

describe('compute user data', () => {
  test('isBase64 accepts canonical base64 (line breaks allowed) only', () => {
    for (const ok of [
      '',
      'aGk=',
      'aGVsbG8=',
      'YWJj',
      Buffer.from('x'.repeat(200))
        .toString('base64')
        .replace(/(.{76})/g, '$1\n'),
    ])
      assert.equal(isBase64(ok), true, ok);
    for (const bad of [
      '#!/bin/sh',
      'hello world',
      'aGk',
      'aGk=a',
      '#cloud-config\nruncmd: []',
      'a===',
      'YW Jj',
    ])
      assert.equal(isBase64(bad), false, bad);
  });

  test('bytes are encoded by the SDK', () => {
    assert.equal(
      encodeUserData(Buffer.from('#cloud-config\n')),
      Buffer.from('#cloud-config\n').toString('base64'),
    );
    assert.equal(encodeUserData(new Uint8Array([0, 255, 1])), 'AP8B');
  });

  test('base64 strings pass unchanged; plain text is rejected with the fix', () => {
    assert.equal(encodeUserData('ZWNobyBoaQ=='), 'ZWNobyBoaQ==');
    assert.throws(
      () => encodeUserData('#!/bin/sh\necho hi\n'),
      (e: unknown) =>
        e instanceof ValidationError &&
        /server\.userData/.test(e.message) &&
        /Buffer\.from\(text\)/.test(e.message),
    );
    assert.throws(() => encodeUserData(42 as unknown as string), ValidationError);
  });

  test('nova’s size limit is checked on the encoded text', () => {
    const tooBig = Buffer.alloc(Math.ceil((MAX_USER_DATA_LENGTH * 3) / 4) + 3);
    assert.throws(() => encodeUserData(tooBig), /65535/);
    assert.equal(encodeUserData(Buffer.alloc(49_000)).length, 65_336);
  });
});
