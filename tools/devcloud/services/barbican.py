"""Readiness of barbican-api (py/ready.py loads this file; see lib/plugins.sh)."""


def checks(adm, ep, up, logged):
    return {
        'barbican-api': lambda: adm.get('/v1/secrets', endpoint_filter=ep('key-manager')).ok,
    }
