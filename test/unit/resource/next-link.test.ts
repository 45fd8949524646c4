// Where a listing's next page is named: each service spells it its own way.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nextLink } from '../../../src/resource/pagination.js';

const base = 'http://127.0.0.1:9876/v2';

describe('nextLink', () => {
  test('reads <resourcesKey>_links rel=next', () => {
    const doc = { pools: [], pools_links: [{ rel: 'next', href: `${base}/lbaas/pools?marker=a` }] };
    assert.equal(
      nextLink(doc, 'pools', base),
      `${base}/lbaas/pools?marker=a`,
      'the plural key names the link',
    );
  });

  test("reads octavia's profile links, named after the singular", () => {
    const doc = {
      flavorprofiles: [{ id: 'a' }],
      flavorprofile_links: [{ rel: 'next', href: `${base}/lbaas/flavorprofiles?marker=a` }],
    };
    assert.equal(
      nextLink(doc, 'flavorprofiles', base),
      `${base}/lbaas/flavorprofiles?marker=a`,
      'the only *_links array of the body is the listing’s',
    );
  });

  test('two foreign *_links arrays are not guessed between', () => {
    const doc = {
      things: [],
      a_links: [{ rel: 'next', href: `${base}/a` }],
      b_links: [{ rel: 'next', href: `${base}/b` }],
    };
    assert.equal(nextLink(doc, 'things', base), undefined, 'an ambiguous body has no next page');
  });

  test('the last page has no next link', () => {
    assert.equal(
      nextLink({ flavorprofiles: [], flavorprofile_links: [] }, 'flavorprofiles', base),
      undefined,
      'empty links end it',
    );
  });
});
