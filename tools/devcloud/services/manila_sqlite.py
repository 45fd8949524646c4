"""Imported by the dev cloud's manila launchers, after manila's eventlet monkey-patching.

Two of manila's database calls open a second session while their own transaction has already
written: share_instance_delete (through share_access_delete_all_by_share) and share_type_destroy
(through quota_destroy_all_by_share_type). On MySQL the second connection waits on row locks
that do not overlap; SQLite has one write lock per file, so the second connection waits for the
first, which waits for it: every share and share type deletion hung until "database is locked".
While one of those two runs, every further get_session() of the same green thread answers the
session already open, with begin() joining its transaction, which is what MySQL gets in effect.

Writes that lose a WAL race ("database is locked" at once, which devcloud_sqlite reports as
DBDeadlock) are retried like MySQL deadlocks: manila retries few of its writes (the share
manager's share_instance_update after a create is not), and a lost one left a share "creating"
for good. Only calls that own their session are retried: one inside another's transaction
cannot be replayed alone.
"""
import contextlib
import inspect
import re

from oslo_db import api as oslo_db_api

from eventlet import corolocal
from manila.db.sqlalchemy import api

_local = corolocal.local()
_get_session = api.get_session


class _Joined:
    """The session already open, whose begin() joins its transaction instead of nesting one."""

    def __init__(self, session):
        self._session = session

    def begin(self, *args, **kwargs):
        return contextlib.nullcontext()

    def __getattr__(self, name):
        return getattr(self._session, name)


def get_session(**kwargs):
    if not getattr(_local, 'active', False):
        return _get_session(**kwargs)
    if getattr(_local, 'session', None) is None:
        _local.session = _get_session(**kwargs)
        return _local.session
    return _Joined(_local.session)


def _one_session(fn):
    def wrapped(*args, **kwargs):
        if getattr(_local, 'active', False):
            return fn(*args, **kwargs)
        _local.active, _local.session = True, kwargs.get('session')
        try:
            return fn(*args, **kwargs)
        finally:
            _local.active, _local.session = False, None
    return wrapped


_WRITES = re.compile(r'(update|delete|destroy|create|add|remove|set|allow|deny|commit|rollback|expire)')


def _retried(fn):
    again = oslo_db_api.wrap_db_retry(max_retries=10, retry_interval=0.1, inc_retry_interval=True,
                                      retry_on_deadlock=True)(fn)

    def wrapped(*args, **kwargs):
        if kwargs.get('session') is not None or getattr(_local, 'active', False):
            return fn(*args, **kwargs)
        return again(*args, **kwargs)
    return wrapped


for _name, _fn in list(vars(api).items()):
    if (inspect.isfunction(_fn) and _fn.__module__ == api.__name__ and not _name.startswith('_')
            and _WRITES.search(_name)):
        setattr(api, _name, _retried(_fn))

api.get_session = get_session
api.share_instance_delete = _one_session(api.share_instance_delete)
api.share_type_destroy = _one_session(api.share_type_destroy)
