import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ValidationError } from '../../../../src/errors/errors.js';
import {
  checkContainerName,
  encodeObjectName,
  objectPath,
} from '../../../../src/services/object-store/paths.js';

describe('object-store paths', () => {
  test('each path segment is percent-encoded on its own', () => {
    assert.equal(encodeObjectName('a b/ünï/100%?#.txt'), 'a%20b/%C3%BCn%C3%AF/100%25%3F%23.txt');
    assert.equal(objectPath('my container', 'x/y'), '/my%20container/x/y');
    assert.equal(encodeObjectName('trailing/'), 'trailing/');
    assert.equal(encodeObjectName('a//b'), 'a//b');
  });
  test('dot segments are kept by encoding the slashes (URL parsers would collapse them)', () => {
    assert.equal(encodeObjectName('dir/../x'), 'dir%2F..%2Fx');
    assert.equal(encodeObjectName('./x'), '.%2Fx');
    assert.equal(encodeObjectName('.hidden/x'), '.hidden/x');
    const u = new URL(`http://h/v1/AUTH_a/c/${encodeObjectName('dir/../x')}`);
    assert.equal(decodeURIComponent(u.pathname), '/v1/AUTH_a/c/dir/../x');
  });
  test('bad names are refused before sending', () => {
    assert.throws(() => checkContainerName(''), ValidationError);
    assert.throws(() => checkContainerName('a/b'), /cannot contain/);
    assert.throws(() => objectPath('c', ''), ValidationError);
    assert.throws(() => objectPath('c', 'x'.repeat(1025)), /1024/);
  });
});
