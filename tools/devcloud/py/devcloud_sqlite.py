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
import io
import threading
import time

_lost = threading.local()

try:
    from oslo_db import exception
    from oslo_db.sqlalchemy import exc_filters
    from sqlalchemy import exc as sqla_exc
except ImportError:  # a tool without oslo.db (swift-ring-builder)
    pass
else:

    @exc_filters.filters("sqlite", sqla_exc.OperationalError, r".*database is locked.*")
    def _locked_is_deadlock(error, match, engine_name, is_disconnect):
        _lost.race = True
        raise exception.DBDeadlock(error)


def retried_on_lost_race(app, attempts=5):
    """A WSGI app that runs a request again when it lost a WAL race somewhere.

    For the APIs that do not retry their own transactions (octavia answers a lost race on a
    health monitor as "HTTP is not a valid option for type", a 400): the request failed, its
    transaction was rolled back, so it runs again with the same body, like a client retrying a
    MySQL deadlock. Responses are buffered; the dev cloud's API bodies are small.
    """
    def wrapped(environ, start_response):
        length = int(environ.get('CONTENT_LENGTH') or 0)
        body = environ['wsgi.input'].read(length) if length else b''
        for attempt in range(1, attempts + 1):
            _lost.race = False
            environ['wsgi.input'] = io.BytesIO(body)
            got = {}

            def start(status, headers, exc_info=None):
                got['status'], got['headers'] = status, headers
                return lambda data: got.setdefault('early', []).append(data)

            result = app(environ, start)
            try:
                chunks = got.get('early', []) + list(result)
            finally:
                if hasattr(result, 'close'):
                    result.close()
            if not (_lost.race and got['status'][:1] in '45' and attempt < attempts):
                start_response(got['status'], got['headers'])
                return chunks
            time.sleep(0.05 * attempt)
    return wrapped
