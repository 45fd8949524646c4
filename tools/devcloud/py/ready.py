#!/usr/bin/python3
"""ready.py KEYSTONE_URL TIMEOUT [RUN_DIR [PLUGIN.py ...]]

Wait until every API answers an admin token, and nova-compute, the nova
conductor/scheduler, the hypervisor and the cinder services report "up".
With RUN_DIR, fail at once if a process up.sh started has died (there is no
supervisor: a dead service stays dead until up.sh runs again).
Each PLUGIN.py (tools/devcloud/services/<name>.py) defines checks(adm, ep, up, logged) returning more
{name: callable} checks of the same kind; logged(name, text, since=None) says whether
service NAME's log holds TEXT yet (after the last line holding SINCE).
Exit 0 when ready; 1 (with what is missing) otherwise.
"""
import runpy
import sys
import time

from keystoneauth1 import exceptions

from dc import dead_services, ep, logged, sess

auth_url, timeout = sys.argv[1] + '/v3', float(sys.argv[2])
run_dir = sys.argv[3] if len(sys.argv) > 3 else None
plugin_files = sys.argv[4:]
adm = sess(auth_url, 'admin')


def ok(f):
    try:
        return bool(f())
    except (exceptions.ClientException, KeyError, ValueError, IndexError):
        return False


def up(service_type, binary):
    services = adm.get('/os-services', endpoint_filter=ep(service_type)).json()['services']
    return [s for s in services if s['binary'] == binary and s['state'] == 'up']


checks = {
    'keystone': lambda: adm.get('/projects', endpoint_filter=ep('identity')).ok,
    'swift': lambda: adm.head('', endpoint_filter=ep('object-store')).ok,
    'glance': lambda: adm.get('/v2/images', endpoint_filter=ep('image')).ok,
    'placement': lambda: adm.get('/resource_providers', endpoint_filter=ep('placement')).json()['resource_providers'],
    'nova-api': lambda: adm.get('/servers', endpoint_filter=ep('compute')).ok,
    'nova-compute': lambda: up('compute', 'nova-compute'),
    'nova-conductor': lambda: up('compute', 'nova-conductor'),
    'nova-scheduler': lambda: up('compute', 'nova-scheduler'),
    'hypervisor': lambda: adm.get('/os-hypervisors', endpoint_filter=ep('compute')).json()['hypervisors'],
    'neutron': lambda: adm.get('/v2.0/networks', endpoint_filter=ep('network')).ok,
    'cinder-api': lambda: adm.get('/volumes', endpoint_filter=ep('volumev3')).ok,
    'cinder-volume': lambda: up('volumev3', 'cinder-volume'),
    'cinder-scheduler': lambda: up('volumev3', 'cinder-scheduler'),
}

for plugin in plugin_files:
    checks.update(runpy.run_path(plugin)['checks'](adm, ep, up, lambda name, text, since=None: logged(run_dir, name, text, since)))

start = time.time()
pending = dict(checks)
while True:
    for name in list(pending):
        if ok(pending[name]):
            print('  ready: %-16s (+%.1fs)' % (name, time.time() - start), flush=True)
            del pending[name]
    # a dead process may still look "up" to the APIs for a minute (heartbeats)
    dead = dead_services(run_dir)
    if dead:
        sys.exit('DEAD: %s (not ready: %s)' % (' '.join(dead), ' '.join(sorted(pending)) or '-'))
    if not pending:
        break
    if time.time() - start >= timeout:
        sys.exit('NOT READY after %ds: %s' % (timeout, ' '.join(sorted(pending))))
    time.sleep(1)
