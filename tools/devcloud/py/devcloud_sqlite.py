"""Imported first by every dev cloud service that keeps state in SQLite.

In WAL mode a transaction that has read and then writes must upgrade its
lock; when another process wrote in between, SQLite fails the write at once
with "database is locked" (SQLITE_BUSY_SNAPSHOT) and no busy timeout helps.
Under a busy test run that failed nova builds and cinder detaches.

On MySQL the same race is a deadlock, which oslo.db reports as DBDeadlock and
nova, cinder, neutron and keystone retry (wrap_db_retry, neutron's API retry
decorator). Teach oslo.db's exception filters that this SQLite error is the
same thing, so those retries apply here too. (Taking the write lock up front
with BEGIN IMMEDIATE was tried: keystone opens a second connection while its
first transaction is open and then waits on itself.)
"""
try:
    from oslo_db import exception
    from oslo_db.sqlalchemy import exc_filters
    from sqlalchemy import exc as sqla_exc
except ImportError:  # a tool without oslo.db (swift-ring-builder)
    pass
else:

    @exc_filters.filters("sqlite", sqla_exc.OperationalError, r".*database is locked.*")
    def _locked_is_deadlock(error, match, engine_name, is_disconnect):
        raise exception.DBDeadlock(error)
