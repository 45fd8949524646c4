#!/usr/bin/python3
"""seed.py KEYSTONE_URL

Idempotently create what tests and examples expect (devstack-like):
flavors m1.nano..m1.xlarge, a public image "cirros", an external network
"public" (flat, 172.24.4.0/24), demo's network "private" (vxlan, 10.0.0.0/24)
and demo's "router1" between them.
"""
import sys

from dc import ep, sess

adm = sess(sys.argv[1] + '/v3', 'admin')


def find(service_type, path, key, name, **q):
    r = adm.get(path, endpoint_filter=ep(service_type), params=dict(name=name, **q)).json()[key]
    return r[0] if r else None


def post(service_type, path, key, body):
    r = adm.post(path, endpoint_filter=ep(service_type), json={key: body})
    return r.json()[key]


# flavors (devstack's ids)
have = {f['name'] for f in adm.get('/flavors', endpoint_filter=ep('compute')).json()['flavors']}
for fid, name, ram, disk, vcpus in [
        ('42', 'm1.nano', 128, 1, 1), ('84', 'm1.micro', 192, 1, 1),
        ('1', 'm1.tiny', 512, 1, 1), ('2', 'm1.small', 2048, 20, 1),
        ('3', 'm1.medium', 4096, 40, 2), ('4', 'm1.large', 8192, 80, 4),
        ('5', 'm1.xlarge', 16384, 160, 8)]:
    if name not in have:
        post('compute', '/flavors', 'flavor',
             {'id': fid, 'name': name, 'ram': ram, 'disk': disk, 'vcpus': vcpus})

# image: 1 MiB of zeros, raw (the fake virt driver never reads it)
img = find('image', '/v2/images', 'images', 'cirros')
if img and img['status'] != 'active':
    adm.delete('/v2/images/%s' % img['id'], endpoint_filter=ep('image'))
    img = None
if not img:
    img = adm.post('/v2/images', endpoint_filter=ep('image'), json={
        'name': 'cirros', 'disk_format': 'raw', 'container_format': 'bare',
        'visibility': 'public', 'min_disk': 0, 'min_ram': 0}).json()
    adm.put('/v2/images/%s/file' % img['id'], endpoint_filter=ep('image'),
            data=b'\0' * 1048576, headers={'Content-Type': 'application/octet-stream'})

# networks: external "public" (flat), demo's "private" (vxlan) + router1
demo = find('identity', '/projects', 'projects', 'demo')['id']
pub = find('network', '/v2.0/networks', 'networks', 'public')
if not pub:
    pub = post('network', '/v2.0/networks', 'network', {
        'name': 'public', 'router:external': True, 'provider:network_type': 'flat',
        'provider:physical_network': 'public'})
if not find('network', '/v2.0/subnets', 'subnets', 'public-subnet'):
    post('network', '/v2.0/subnets', 'subnet', {
        'name': 'public-subnet', 'network_id': pub['id'], 'ip_version': 4,
        'cidr': '172.24.4.0/24', 'gateway_ip': '172.24.4.1', 'enable_dhcp': False,
        'allocation_pools': [{'start': '172.24.4.2', 'end': '172.24.4.254'}]})
priv = find('network', '/v2.0/networks', 'networks', 'private', project_id=demo)
if not priv:
    priv = post('network', '/v2.0/networks', 'network', {'name': 'private', 'project_id': demo})
psub = find('network', '/v2.0/subnets', 'subnets', 'private-subnet', project_id=demo)
if not psub:
    psub = post('network', '/v2.0/subnets', 'subnet', {
        'name': 'private-subnet', 'network_id': priv['id'], 'ip_version': 4,
        'cidr': '10.0.0.0/24', 'project_id': demo})
rtr = find('network', '/v2.0/routers', 'routers', 'router1', project_id=demo)
if not rtr:
    rtr = post('network', '/v2.0/routers', 'router', {
        'name': 'router1', 'project_id': demo,
        'external_gateway_info': {'network_id': pub['id']}})
    adm.put('/v2.0/routers/%s/add_router_interface' % rtr['id'],
            endpoint_filter=ep('network'), json={'subnet_id': psub['id']})
print('  seeded: flavors m1.nano..m1.xlarge, image cirros, networks public/private, router1')
