"""Readiness of manila (tools/devcloud/services/manila.sh) for py/ready.py."""

# manila-api answers /scheduler-stats/pools from the scheduler's host cache, which the first
# query fills and only scheduling a share refreshes. Asked before the scheduler has received a
# capability report from manila-share (the report at start is lost when the scheduler's queue is
# not bound yet; the next comes one periodic_interval later), the cache keeps the back end with
# no pools for good. No time guess fits every machine, so pools are asked for only once the
# scheduler has logged a received report (manila.sh logs its host manager at DEBUG).
RECEIVED = 'Received share service update from'
STARTED = 'Starting manila-scheduler node'


def checks(adm, ep, up, logged):
    # manila's services list is /services (os-services until 2.6) with the same fields as nova's
    def svc(binary):
        hdr = {'X-OpenStack-Manila-API-Version': '2.7'}
        services = adm.get('/services', endpoint_filter=ep('sharev2'), headers=hdr).json()['services']
        return [s for s in services if s['binary'] == binary and s['state'] == 'up']

    def pools():
        if not svc('manila-share') or not logged('manila-scheduler', RECEIVED, STARTED):
            return False
        hdr = {'X-OpenStack-Manila-API-Version': '2.23'}
        return adm.get('/scheduler-stats/pools', endpoint_filter=ep('sharev2'), headers=hdr).json()['pools']

    return {
        'manila-api': lambda: adm.get('/shares', endpoint_filter=ep('sharev2')).ok,
        'manila-scheduler': lambda: svc('manila-scheduler'),
        'manila-share': lambda: svc('manila-share'),
        'manila-pools': pools,
    }
