#!/usr/bin/python3
"""manila_seed.py KEYSTONE_URL

Idempotently create manila's public share type "default" (driver_handles_share_servers False,
snapshots supported), the default_share_type of the dev cloud's manila.conf.
"""
import sys

sys.path.insert(0, __file__.rsplit('/services/', 1)[0] + '/py')
from dc import ep, sess  # noqa: E402

adm = sess(sys.argv[1] + '/v3', 'admin')
HDR = {'X-OpenStack-Manila-API-Version': '2.46'}
E = ep('sharev2')

types = adm.get('/types', endpoint_filter=E, headers=HDR, params={'is_public': 'all'}).json()['share_types']
if not any(t['name'] == 'default' for t in types):
    adm.post('/types', endpoint_filter=E, headers=HDR, json={'share_type': {
        'name': 'default', 'share_type_access:is_public': True,
        'extra_specs': {'driver_handles_share_servers': False, 'snapshot_support': True,
                        'create_share_from_snapshot_support': True}}})
