"""Readiness of manila (tools/devcloud/services/manila.sh) for py/ready.py."""

# manila-share reports its pools to the scheduler once at start and then every periodic_interval
# (manila.sh sets 10 s). manila-api answers /scheduler-stats/pools from the scheduler's host cache,
# which the first query fills and only scheduling a share refreshes: asked before that first
# report has landed (the report at start is lost when the scheduler's queue is not bound yet),
# the cache keeps the back end with no pools. So pools are asked for only after one full period.
REPORT_PERIOD = 10


def checks(adm, ep, up, uptime):
    # manila's services list is /services (os-services until 2.6) with the same fields as nova's
    def svc(binary):
        hdr = {'X-OpenStack-Manila-API-Version': '2.7'}
        services = adm.get('/services', endpoint_filter=ep('sharev2'), headers=hdr).json()['services']
        return [s for s in services if s['binary'] == binary and s['state'] == 'up']

    def pools():
        running = uptime('manila-share')
        if not svc('manila-share') or (running is not None and running < REPORT_PERIOD + 2):
            return False
        hdr = {'X-OpenStack-Manila-API-Version': '2.23'}
        return adm.get('/scheduler-stats/pools', endpoint_filter=ep('sharev2'), headers=hdr).json()['pools']

    return {
        'manila-api': lambda: adm.get('/shares', endpoint_filter=ep('sharev2')).ok,
        'manila-scheduler': lambda: svc('manila-scheduler'),
        'manila-share': lambda: svc('manila-share'),
        'manila-pools': pools,
    }
