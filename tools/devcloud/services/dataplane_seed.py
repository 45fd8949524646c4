"""dataplane_seed.py KEYSTONE_URL IMAGE_DIR HOST ZONE: the data plane's zone and guest images.
dataplane_seed.py KEYSTONE_URL --wait-conductor SECONDS: wait until nova-conductor reports up.

Idempotent. The aggregate ZONE (availability zone ZONE) holds HOST, the libvirt compute host.
The guest (dataplane/build-guest-image.sh) becomes three public images: ossdk-guest-kernel (aki),
ossdk-guest-ramdisk (ari) and ossdk-guest (qcow2, booted with that kernel and initramfs and
the command line image.env gives). A guest rebuilt from other inputs replaces all three.
"""
import sys
import time

sys.path.insert(0, __file__.rsplit('/services/', 1)[0] + '/py')
from dc import ep, sess  # noqa: E402

ks = sys.argv[1]
adm = sess(ks + '/v3', 'admin')

if sys.argv[2] == '--wait-conductor':
    deadline = time.time() + float(sys.argv[3])
    while time.time() < deadline:
        try:
            services = adm.get('/os-services', endpoint_filter=ep('compute'), params={'binary': 'nova-conductor'}).json()['services']
            if any(s['state'] == 'up' for s in services):
                sys.exit(0)
        except Exception:  # keystone or nova-api not answering yet: the deadline bounds the wait
            pass
        time.sleep(2)
    sys.exit('nova-conductor did not report up within %s s' % sys.argv[3])

image_dir, host, zone = sys.argv[2:5]


def env():
    out = {}
    with open(image_dir + '/image.env') as f:
        for line in f:
            if '=' in line and not line.startswith('#'):
                k, v = line.rstrip('\n').split('=', 1)
                out[k] = v.strip("'")
    return out


def compute(method, path, **kw):
    return adm.request(path, method, endpoint_filter=ep('compute'), **kw)


# the zone: an aggregate with an availability zone; the compute host registers itself a few
# seconds after nova-compute starts (discover_hosts_in_cells_interval), so wait for it
aggs = compute('GET', '/os-aggregates').json()['aggregates']
agg = next((a for a in aggs if a['name'] == zone), None)
if not agg:
    agg = compute('POST', '/os-aggregates', json={'aggregate': {'name': zone, 'availability_zone': zone}}).json()['aggregate']
if host not in (agg.get('hosts') or []):
    deadline = time.time() + 120
    while True:
        r = compute('POST', '/os-aggregates/%s/action' % agg['id'], json={'add_host': {'host': host}}, raise_exc=False)
        if r.ok:
            break
        if time.time() > deadline:
            sys.exit('adding %s to aggregate %s: %s %s' % (host, zone, r.status_code, r.text[:300]))
        time.sleep(2)

# the guest's images
e = env()
key = e['OSSDK_GUEST_KEY']


def image(name):
    r = adm.get('/v2/images', endpoint_filter=ep('image'), params={'name': name}).json()['images']
    return r[0] if r else None


def upload(name, disk, container, path, **props):
    img = adm.post('/v2/images', endpoint_filter=ep('image'), json=dict(
        name=name, disk_format=disk, container_format=container, visibility='public',
        ossdk_guest_key=key, **props)).json()
    with open(path, 'rb') as f:
        adm.put('/v2/images/%s/file' % img['id'], endpoint_filter=ep('image'), data=f,
                headers={'Content-Type': 'application/octet-stream'})
    return img


names = ('ossdk-guest-kernel', 'ossdk-guest-ramdisk', 'ossdk-guest')
have = {n: image(n) for n in names}
if not all(i and i.get('ossdk_guest_key') == key and i['status'] == 'active' for i in have.values()):
    for i in have.values():
        if i:
            adm.delete('/v2/images/%s' % i['id'], endpoint_filter=ep('image'))
    kernel = upload('ossdk-guest-kernel', 'aki', 'aki', image_dir + '/vmlinuz')
    ramdisk = upload('ossdk-guest-ramdisk', 'ari', 'ari', image_dir + '/initrd.img')
    upload('ossdk-guest', 'qcow2', 'bare', image_dir + '/disk.qcow2', kernel_id=kernel['id'],
           ramdisk_id=ramdisk['id'], os_command_line=e['KERNEL_CMDLINE'])
print('  seeded: availability zone %s (host %s), images %s' % (zone, host, ', '.join(names)))
