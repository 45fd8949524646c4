"""Readiness of manila (tools/devcloud/services/manila.sh) for py/ready.py."""


def checks(adm, ep, up):
    # manila's services list is /services (os-services until 2.6) with the same fields as nova's
    def svc(binary):
        hdr = {'X-OpenStack-Manila-API-Version': '2.7'}
        services = adm.get('/services', endpoint_filter=ep('sharev2'), headers=hdr).json()['services']
        return [s for s in services if s['binary'] == binary and s['state'] == 'up']

    def pools():
        hdr = {'X-OpenStack-Manila-API-Version': '2.23'}
        return adm.get('/scheduler-stats/pools', endpoint_filter=ep('sharev2'), headers=hdr).json()['pools']

    return {
        'manila-api': lambda: adm.get('/shares', endpoint_filter=ep('sharev2')).ok,
        'manila-scheduler': lambda: svc('manila-scheduler'),
        'manila-share': lambda: svc('manila-share'),
        'manila-pools': pools,
    }
