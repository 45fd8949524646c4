"""Imported by nova-conductor's launcher after nova's own command module (which monkey-patches).

A server's build is one RPC cast to the conductor (schedule_and_build_instances). When its
write of the instance mapping loses a SQLite WAL race (py/devcloud_sqlite.py makes that a
DBDeadlock, as MySQL would report a deadlock), nothing retries it: the cast ends and the server
stays in BUILD/scheduling for good, which a busy CI run hit. That write is one small transaction
of its own, so it is retried here as nova retries its other deadlocking writes.
"""
from nova.objects import instance_mapping
from oslo_db import api as oslo_db_api

_save = instance_mapping.InstanceMapping._save_in_db
instance_mapping.InstanceMapping._save_in_db = staticmethod(
    oslo_db_api.wrap_db_retry(max_retries=5, retry_on_deadlock=True)(_save))
