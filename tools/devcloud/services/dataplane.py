"""Readiness of the real data plane (tools/devcloud/services/dataplane.sh) for py/ready.py."""
import urllib.request

HOST = 'devcloud-real'
AGENTS = ('Linux bridge agent', 'DHCP agent', 'L3 agent', 'Metadata agent')


def checks(adm, ep, up, uptime):
    def agent(kind):
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
