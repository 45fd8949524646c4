import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  fromHeaderValue,
  metadataFromHeaders,
  metadataHeaders,
  removeMetadataHeaders,
  toHeaderValue,
} from '../../../../src/services/object-store/metadata.js';

describe('object-store metadata headers', () => {
  test('set and remove headers per kind', () => {
    assert.deepEqual(metadataHeaders('object', { color: 'red' }), { 'X-Object-Meta-color': 'red' });
    assert.deepEqual(removeMetadataHeaders('container', ['color']), { 'X-Remove-Container-Meta-color': 'x' });
    assert.throws(() => metadataHeaders('account', { 'bad key': 'x' }), /header name/);
    assert.throws(() => metadataHeaders('object', { k: 'a\nb' }), /line break/);
  });
  test('UTF-8 values travel as Latin-1 spelled bytes and come back as text', () => {
    const v = 'héllo ✓ 日本';
    const wire = toHeaderValue(v);
    assert.ok([...wire].every((c) => c.charCodeAt(0) <= 0xff));
    assert.equal(fromHeaderValue(wire), v);
    assert.equal(fromHeaderValue('plain'), 'plain');
    // Latin-1 text that is not UTF-8 stays as is
    assert.equal(fromHeaderValue('caf\u00e9'), 'caf\u00e9');
  });
  test('metadata from headers: lower-cased keys, temp URL keys left out', () => {
    const md = metadataFromHeaders('account', {
      'x-account-meta-subject': 'Literature',
      'x-account-meta-temp-url-key': 'SECRET',
      'x-account-meta-temp-url-key-2': 'SECRET2',
      'x-account-object-count': '1',
    });
    assert.deepEqual(md, { subject: 'Literature' });
  });
});
