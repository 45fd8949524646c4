"""Readiness of the real data plane (tools/devcloud/services/dataplane.sh) for py/ready.py."""
import urllib.request

HOST = 'devcloud-real'
# agent type -> (its process, the line it logs once it serves). An agent stopped a moment ago
# still looks alive to neutron until its heartbeat ages out, so a restarted one counts only once
# its own log says it runs (after the last 'Logging enabled!', which each start logs first).
AGENTS = {
    'Linux bridge agent': ('neutron-linuxbridge-agent', 'Agent initialized successfully, now running'),
    'DHCP agent': ('neutron-dhcp-agent', 'DHCP agent started'),
    'L3 agent': ('neutron-l3-agent', 'L3 agent started'),
    'Metadata agent': ('neutron-metadata-agent', 'wsgi starting up on'),
}


def checks(adm, ep, up, logged):
    def agent(kind):
        proc, line = AGENTS[kind]
        if not logged(proc, line, 'Logging enabled!'):
            return False
        agents = adm.get('/v2.0/agents', endpoint_filter=ep('network'),
                         params={'host': HOST, 'agent_type': kind}).json()['agents']
        return [a for a in agents if a['alive']]

    def metadata_api():
        try:
            with urllib.request.urlopen('http://127.0.0.1:8775/', timeout=5) as r:
                return r.status == 200
        except OSError:
            return False

    found = {'%s (%s)' % (HOST, kind): (lambda kind=kind: agent(kind)) for kind in AGENTS}
    found['nova-compute (%s)' % HOST] = lambda: [s for s in up('compute', 'nova-compute') if s['host'] == HOST]
    found['nova-api-metadata'] = metadata_api
    return found
