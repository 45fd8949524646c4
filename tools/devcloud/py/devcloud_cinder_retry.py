"""Imported by cinder-volume's launcher after cinder's own command module (which monkey-patches).

Creating a volume from an image copies the image's properties into the volume's glance metadata
in one small transaction. When that write loses a SQLite WAL race (py/devcloud_sqlite.py makes
it a DBDeadlock, as MySQL would report a deadlock), cinder does not retry it: the create flow
fails, the scheduler reschedules, and every later attempt fails on the rows the first one wrote
("Glance metadata cannot be updated, key signature_verified exists"), so the volume ends in
error. A busy CI run hit this while booting a server from a volume. The writes are retried here
as cinder retries its other deadlocking writes.
"""
from cinder.db.sqlalchemy import api
from oslo_db import api as oslo_db_api

for _name in ('volume_glance_metadata_create', 'volume_glance_metadata_bulk_create',
              'volume_glance_metadata_copy_to_volume', 'volume_glance_metadata_copy_from_volume_to_volume'):
    if hasattr(api, _name):
        setattr(api, _name, oslo_db_api.wrap_db_retry(max_retries=5, retry_on_deadlock=True)(getattr(api, _name)))
