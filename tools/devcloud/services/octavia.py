"""Readiness of octavia (loaded by py/ready.py): the API answers and lists its providers."""


def checks(adm, ep, up, logged):
    return {
        'octavia-api': lambda: adm.get('/v2/lbaas/providers', endpoint_filter=ep('load-balancer')).json()['providers'],
    }
