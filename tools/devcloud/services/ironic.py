"""Readiness of the bare metal service: the API answers and a conductor serves fake-hardware."""


def checks(adm, ep, up, logged):
    def drivers():
        rows = adm.get('/v1/drivers', endpoint_filter=ep('baremetal')).json()['drivers']
        return [d for d in rows if d['name'] == 'fake-hardware' and d['hosts']]

    return {
        'ironic-api': lambda: adm.get('/v1/nodes', endpoint_filter=ep('baremetal')).ok,
        'ironic-conductor': drivers,
    }
