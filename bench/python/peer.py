#!/usr/bin/python3
"""The Python peer of the in-process workloads: Debian's python3-openstacksdk.

    /usr/bin/python3 bench/python/peer.py '<json spec>'

The spec has the same shape as bench/node/worker.ts's. Auth, catalog and version discovery
happen before timing (as on the Node side); timing is time.perf_counter inside the process,
so interpreter start-up and imports are excluded. Prints one JSON object on the last line.
"""
import json
import logging
import gc
import resource
import sys
import time
import tracemalloc
from concurrent.futures import ThreadPoolExecutor

import openstack


def maxrss_bytes():
    # VmHWM is this process's own peak RSS; getrusage's ru_maxrss is carried over from the
    # parent at fork on Linux, so it would be at least the harness's RSS
    try:
        with open('/proc/self/status') as f:
            for line in f:
                if line.startswith('VmHWM:'):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    # Linux reports ru_maxrss in KiB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def stub_swift_url(stub_url):
    # the stub server's swift account, as bench/node/worker.ts's stubSwiftUrl
    scheme, rest = stub_url.split('://', 1)
    return '%s://%s/v1/AUTH_stub' % (scheme, rest.split('/', 1)[0])


def connect(spec):
    if spec.get('stubUrl'):
        return openstack.connect(
            auth_type='admin_token',
            auth={'token': 'stub-token', 'endpoint': spec['stubUrl']},
            compute_endpoint_override=spec['stubUrl'],
            object_store_endpoint_override=stub_swift_url(spec['stubUrl']),
        )
    return openstack.connect(cloud=spec['cloud'])


def run_get(spec):
    conn = connect(spec)
    flavor_id = spec['flavorId']
    # auth, catalog, discovery, microversion: before timing
    f = conn.compute.get_flavor(flavor_id)
    if f.id != flavor_id:
        raise SystemExit('flavor %s not found' % flavor_id)
    n, c = spec['n'], spec['concurrency']

    def one(_=None):
        return conn.compute.get_flavor(flavor_id)

    def batch(count):
        if c <= 1:
            for _ in range(count):
                one()
        else:
            with ThreadPoolExecutor(max_workers=c) as ex:
                for _ in ex.map(one, range(count)):
                    pass

    batch(spec['warmupN'])  # warm-up, like the Node side's tinybench warm-up batch
    samples = []
    for _ in range(spec['iterations']):
        t0 = time.perf_counter()
        batch(n)
        samples.append((time.perf_counter() - t0) * 1000)
    return {
        'mode': 'get',
        'impl': 'openstacksdk',
        'samplesMs': samples,
        'maxRss': maxrss_bytes(),
    }


def page_counts(spec, conn):
    """Iterate the whole listing; yields 1 per item (openstacksdk pages internally)."""
    if spec['kind'] == 'ports':
        return conn.network.ports(network_id=spec['networkId'], limit=spec['limit'])
    return conn.object_store.objects(spec['container'], limit=spec['limit'])


def run_list(spec):
    conn = connect(spec)
    limit = spec['limit']
    # set-up: auth and discovery with a one-item listing, untimed
    if spec['kind'] == 'ports':
        next(iter(conn.network.ports(network_id=spec['networkId'], limit=1)), None)
    else:
        next(iter(conn.object_store.objects(spec['container'], limit=1)), None)
    baseline = maxrss_bytes()

    # one page only
    n = 0
    for _ in page_counts(spec, conn):
        n += 1
        if n >= limit:
            break
    one_page = maxrss_bytes()

    samples = []
    items = 0
    for _ in range(spec['iterations']):
        items = 0
        t0 = time.perf_counter()
        for _ in page_counts(spec, conn):
            items += 1
        samples.append((time.perf_counter() - t0) * 1000)
        if items != spec['expect']:
            raise SystemExit('listed %d %s, expected %d' % (items, spec['kind'], spec['expect']))
    full_max_rss = maxrss_bytes()

    # untimed pass: Python's heap retained after a full collection at every page boundary,
    # counted by tracemalloc from before the listing (the Node side's heap after GC)
    gc.collect()
    tracemalloc.start()
    retained = []
    n = 0
    for _ in page_counts(spec, conn):
        n += 1
        if n % limit == 0:
            gc.collect()
            retained.append(tracemalloc.get_traced_memory()[0])
    gc.collect()
    retained.append(tracemalloc.get_traced_memory()[0])
    tracemalloc.stop()
    return {
        'mode': 'list',
        'impl': 'openstacksdk',
        'items': items,
        'samplesMs': samples,
        'memory': {
            'baselineMaxRss': baseline,
            'onePageMaxRss': one_page,
            'fullMaxRss': full_max_rss,
            'retainedHeap': max(retained),
            'pages': len(retained),
        },
    }


def main():
    # openstacksdk/urllib3 warn when more threads than pooled connections are used; that is the
    # peer's normal behaviour with 16 threads, not an error worth printing 1000 times
    logging.disable(logging.WARNING)
    spec = json.loads(sys.argv[1])
    if spec['mode'] == 'get':
        out = run_get(spec)
    elif spec['mode'] == 'list':
        out = run_list(spec)
    else:
        raise SystemExit('unknown mode %r' % spec['mode'])
    out['versions'] = {'openstacksdk': openstack.version.__version__}
    sys.stdout.write(json.dumps(out) + '\n')


if __name__ == '__main__':
    main()
