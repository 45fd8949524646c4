"""Readiness of heat (loaded by py/ready.py): the API answers and one heat-engine reports up."""


def checks(adm, ep, up, logged):
    def engine():
        services = adm.get('/services', endpoint_filter=ep('orchestration')).json()['services']
        return [s for s in services if s['binary'] == 'heat-engine' and s['status'] == 'up']

    return {
        'heat-api': lambda: adm.get('/stacks', endpoint_filter=ep('orchestration')).ok,
        'heat-engine': engine,
    }
