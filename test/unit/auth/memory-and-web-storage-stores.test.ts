/** The token stores for runtimes without a file system: MemoryTokenStore and WebStorageTokenStore. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type AccessInfo, MemoryTokenStore, WebStorageTokenStore } from '../../../src/index.js';

const KEY = 'a'.repeat(64);

function access(lifetimeMs: number, token = 'tok-1'): AccessInfo {
  return {
    token,
    expiresAt: new Date(Date.now() + lifetimeMs),
    catalog: [],
    roles: ['member'],
    methods: ['password'],
    unscoped: false,
    raw: {},
  };
}

/** A Web Storage stand-in: a Map, with switches to make each call throw as a disabled storage does. */
class MapStorage {
  readonly items = new Map<string, string>();
  failGet = false;
  failSet = false;
  getItem(k: string): string | null {
    if (this.failGet) throw new Error('SecurityError: storage disabled');
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    if (this.failSet) throw new Error('QuotaExceededError');
    this.items.set(k, v);
  }
  removeItem(k: string): void {
    this.items.delete(k);
  }
}

function roundTrips(name: string, make: () => MemoryTokenStore | WebStorageTokenStore): void {
  test(`${name}: a saved token loads back until it expires`, () => {
    const store = make();
    store.save(KEY, access(60_000));
    assert.equal(store.load(KEY)?.token, 'tok-1', 'a fresh token must load back');
    assert.equal(store.load('b'.repeat(64)), undefined, 'another identity must not see it');
    store.remove(KEY);
    assert.equal(store.load(KEY), undefined, 'a removed token must not load');
  });

  test(`${name}: an expired token is dropped when read, and one without expiry is never kept`, () => {
    const store = make();
    store.save(KEY, access(-1_000));
    assert.equal(store.load(KEY), undefined, 'an expired token must not load');
    store.save(KEY, { ...access(60_000), expiresAt: undefined });
    assert.equal(store.load(KEY), undefined, 'a token whose expiry is unknown cannot be judged fresh');
  });
}

describe('MemoryTokenStore', () => {
  roundTrips('memory', () => new MemoryTokenStore());

  test('the connections of one program share what it keeps', () => {
    const store = new MemoryTokenStore();
    store.save(KEY, access(60_000));
    assert.equal(store.size, 1, 'one identity kept');
    store.save(KEY, access(60_000, 'tok-2'));
    assert.equal(store.size, 1, 'a new token replaces the old one');
    assert.equal(store.load(KEY)?.token, 'tok-2', 'the newer token wins');
  });
});

describe('WebStorageTokenStore', () => {
  roundTrips('web storage', () => new WebStorageTokenStore({ storage: new MapStorage() }));

  test('entries live under the prefix, and an expired one is removed from the storage', () => {
    const storage = new MapStorage();
    const store = new WebStorageTokenStore({ storage, prefix: 'app.' });
    store.save(KEY, access(-1_000));
    assert.deepEqual([...storage.items.keys()], [`app.${KEY}`], 'the entry is written under the prefix');
    assert.equal(store.load(KEY), undefined, 'expired');
    assert.equal(storage.items.size, 0, 'the expired entry is removed when read');
  });

  test('a corrupt or foreign entry reads as none and is removed', () => {
    const storage = new MapStorage();
    const store = new WebStorageTokenStore({ storage });
    storage.items.set(`${store.prefix}${KEY}`, '{not json');
    assert.equal(store.load(KEY), undefined, 'text that is not JSON must not load');
    assert.equal(storage.items.size, 0, 'and is removed');
    const other = new WebStorageTokenStore({ storage });
    other.save('c'.repeat(64), access(60_000));
    // the same entry under another key: the stored key must match the one asked for
    storage.items.set(`${store.prefix}${KEY}`, storage.items.get(`${store.prefix}${'c'.repeat(64)}`)!);
    assert.equal(store.load(KEY), undefined, 'an entry stored for another identity must not load');
  });

  test('a disabled or full storage never throws: the program authenticates again', () => {
    const storage = new MapStorage();
    const store = new WebStorageTokenStore({ storage });
    storage.failSet = true;
    assert.doesNotThrow(() => store.save(KEY, access(60_000)), 'a full storage must not fail the request');
    assert.equal(store.load(KEY), undefined, 'nothing was kept');
    storage.failSet = false;
    store.save(KEY, access(60_000));
    storage.failGet = true;
    assert.equal(store.load(KEY), undefined, 'a storage that throws on read reads as empty');
  });

  test('with no storage at all (a worker without sessionStorage) it keeps nothing and never throws', () => {
    const store = new WebStorageTokenStore();
    store.save(KEY, access(60_000));
    assert.equal(store.load(KEY), undefined, 'Node has no sessionStorage: nothing is kept');
  });
});
