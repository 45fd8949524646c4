/**
 * A long `for await` must not keep earlier pages alive: while page k+1 is being fetched, the
 * rows of page k (their instances and the parsed bodies under them) are garbage. The fake
 * cloud runs in this process, so its handler can collect garbage at exactly that moment and
 * look at WeakRefs to the previous page's first row.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ResourceList } from '../../../src/resource/pagination.js';
import { NetworkV2 } from '../../../src/services/network/proxy.js';
import { ObjectStoreV1 } from '../../../src/services/object-store/proxy.js';
import { type FakeService, json, route, startFake } from '../../support/fake-service.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const PAGE = 40;
const PAGES = 6;
const TOTAL = PAGE * PAGES;
const pad = 'x'.repeat(500);

let neutron: FakeService;
let swift: FakeService;

/** WeakRefs to the first row of each page, and what was alive when the next page was asked for. */
interface Probe {
  firstRows: { row: WeakRef<object>; body: WeakRef<object> }[];
  /** `alive[k]`: page k's first row (instance, body) when page k+1 was requested. */
  alive: { row: boolean; body: boolean }[];
}

let probe: Probe;

/** Called by the fakes when a page after the first is requested: collect, then look. */
function observe(pageIndex: number): void {
  const prev = probe.firstRows[pageIndex - 1];
  if (!prev) return;
  gc();
  probe.alive[pageIndex - 1] = { row: prev.row.deref() !== undefined, body: prev.body.deref() !== undefined };
}

const portId = (i: number) => `p-${String(i).padStart(5, '0')}`;

before(async () => {
  neutron = await startFake('network', [
    route('GET', '/ports', (c, res) => {
      const marker = c.query.get('marker');
      const from = marker ? Number(marker.slice(2)) + 1 : 0;
      if (from > 0) observe(from / PAGE);
      const to = Math.min(TOTAL, from + PAGE);
      const ports = [];
      for (let i = from; i < to; i++) ports.push({ id: portId(i), name: `port-${i}`, description: pad });
      const links =
        to < TOTAL
          ? [
              {
                rel: 'next',
                href: `${neutron.endpoint('network')}/v2.0/ports?limit=${PAGE}&marker=${portId(to - 1)}`,
              },
            ]
          : [];
      json(res, 200, { ports, ports_links: links });
    }),
  ]);
  swift = await startFake(
    'object-store',
    [
      route('GET', '/c', (c, res) => {
        const marker = c.query.get('marker');
        const from = marker ? Number(marker.slice(4)) + 1 : 0;
        if (from > 0) observe(from / PAGE);
        const rows = [];
        for (let i = from; i < Math.min(TOTAL, from + PAGE); i++)
          rows.push({ name: `obj-${String(i).padStart(5, '0')}`, bytes: 0, hash: pad });
        json(res, 200, rows);
      }),
    ],
    { catalogPaths: { 'object-store': '/v1/AUTH_p' } },
  );
});
after(async () => {
  await Promise.all([neutron.close(), swift.close()]);
});

/** Iterate a listing item by item, keeping WeakRefs only, and check what the fakes saw. */
async function iterate(list: ResourceList<{ _body: object }>, what: string): Promise<void> {
  probe = { firstRows: [], alive: [] };
  let n = 0;
  for await (const r of list) {
    if (n % PAGE === 0) probe.firstRows.push({ row: new WeakRef(r), body: new WeakRef(r._body) });
    n++;
  }
  assert.equal(n, TOTAL, `${what}: every row is listed`);
  // the last page has no successor request, and the first observations may race start-up work
  const observed = probe.alive.filter((a) => a !== undefined);
  assert.ok(
    observed.length >= PAGES - 2,
    `${what}: the fake saw the next-page requests (${observed.length})`,
  );
  const rowsAlive = observed.filter((a) => a.row).length;
  const bodiesAlive = observed.filter((a) => a.body).length;
  assert.equal(
    rowsAlive,
    0,
    `${what}: ${rowsAlive} earlier pages' instances alive while the next page was fetched`,
  );
  assert.equal(
    bodiesAlive,
    0,
    `${what}: ${bodiesAlive} earlier pages' bodies alive while the next page was fetched`,
  );
}

describe('a long iteration releases earlier pages', () => {
  test('links pagination (neutron ports)', async () => {
    const network = neutron.proxy(NetworkV2);
    await iterate(network.listPorts({ limit: PAGE }) as ResourceList<{ _body: object }>, 'ports');
  });

  test('marker pagination (swift objects)', async () => {
    const store = swift.proxy(ObjectStoreV1);
    await iterate(store.listObjects('c', { limit: PAGE }) as ResourceList<{ _body: object }>, 'objects');
  });
});
