#!/usr/bin/python3
"""ks_setup.py KEYSTONE_URL < spec

Idempotent keystone setup, run as the bootstrap admin (admin/admin).
Spec lines (see ../etc/keystone.spec):
  project NAME
  role NAME
  user NAME PASSWORD PROJECT ROLE[,ROLE...]
  service NAME TYPE URL          (public, internal and admin endpoints)
"""
import sys

from dc import sess

s = sess(sys.argv[1], 'admin')
EP = {'service_type': 'identity', 'interface': 'public'}


def get(path, key, **params):
    r = s.get(path, endpoint_filter=EP, params=params)
    return r.json()[key]


def one(path, key, body, **query):
    """Find the first match of query, or create body."""
    found = get(path, key, **query)
    if found:
        return found[0]
    return s.post(path, endpoint_filter=EP, json={key[:-1]: body}).json()[key[:-1]]


roles = {}


def role(name):
    if name not in roles:
        roles[name] = one('/roles', 'roles', {'name': name}, name=name)
    return roles[name]


def project(name):
    return one('/projects', 'projects', {'name': name, 'domain_id': 'default'},
               name=name, domain_id='default')


for line in sys.stdin:
    f = line.split()
    if not f or f[0].startswith('#'):
        continue
    if f[0] == 'project':
        project(f[1])
    elif f[0] == 'role':
        role(f[1])
    elif f[0] == 'user':
        name, pw, proj, rls = f[1:5]
        p = project(proj)
        u = one('/users', 'users', {'name': name, 'password': pw,
                'domain_id': 'default', 'default_project_id': p['id']},
                name=name, domain_id='default')
        for r in rls.split(','):
            s.put('/projects/%s/users/%s/roles/%s' % (p['id'], u['id'], role(r)['id']),
                  endpoint_filter=EP)
    elif f[0] == 'service':
        name, stype, url = f[1:4]
        svc = one('/services', 'services', {'name': name, 'type': stype},
                  name=name, type=stype)
        for iface in ('public', 'internal', 'admin'):
            eps = get('/endpoints', 'endpoints', service_id=svc['id'], interface=iface)
            if eps and eps[0]['url'] != url:
                s.patch('/endpoints/%s' % eps[0]['id'], endpoint_filter=EP,
                        json={'endpoint': {'url': url}})
            elif not eps:
                s.post('/endpoints', endpoint_filter=EP, json={'endpoint': {
                    'service_id': svc['id'], 'interface': iface, 'url': url,
                    'region_id': 'RegionOne'}})
    else:
        sys.exit('bad spec line: %r' % line)
