"""Readiness of designate (tools/devcloud/services/designate.sh) for py/ready.py."""


def checks(adm, ep, up, logged):
    # every designate process reports a heartbeat to central; /v2/service_statuses lists them
    def status(name):
        statuses = adm.get('/v2/service_statuses', endpoint_filter=ep('dns')).json()['service_statuses']
        return [s for s in statuses if s['service_name'] == name and s['status'] == 'UP']

    return {
        'designate-api': lambda: adm.get('/v2/zones', endpoint_filter=ep('dns')).ok,
        'designate-central': lambda: status('central'),
        'designate-worker': lambda: status('worker'),
        'designate-mdns': lambda: status('mdns'),
        'designate-producer': lambda: status('producer'),
    }
