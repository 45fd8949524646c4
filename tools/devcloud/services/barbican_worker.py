"""Imported by the dev cloud's barbican-worker launcher (services/barbican.sh), before main().

barbican-worker runs each order task in one transaction and commits it at the end
(barbican.queue.server.transactional). When that transaction loses a WAL race to barbican-api
(devcloud_sqlite reports it as DBDeadlock, which is what MySQL would report), barbican rolls back,
logs the error and drops the task: the order stays PENDING for good. On MySQL the same window
is far narrower. Run the whole task again from a fresh session, as oslo.db's wrap_db_retry does
for the other services' deadlocks: the rolled-back transaction wrote nothing, so a re-run is safe.
"""
import functools
import time

from oslo_db import exception as db_exc

from barbican.common import utils
from barbican.model import repositories
from barbican.queue import server

LOG = utils.getLogger(__name__)
ATTEMPTS = 10


def _committed_with_retry(task):
    @functools.wraps(task)
    def wrapper(*args, **kwargs):
        for attempt in range(1, ATTEMPTS + 1):
            try:
                task(*args, **kwargs)
                repositories.commit()
                return
            except db_exc.DBDeadlock:
                if attempt == ATTEMPTS:
                    raise
                LOG.warning("worker task '%s' lost a database race; retrying (%d/%d)",
                            task.__name__, attempt, ATTEMPTS - 1)
                repositories.rollback()
                repositories.clear()
                time.sleep(0.1 * attempt)
    return wrapper


# Tasks' methods are transactional(retryable_order(fn)) (monitored() is the identity without
# newrelic); rebuild each with the retry between the two, keeping barbican's own logging.
# functools.wraps copies names, so transactional's wrappers are told apart by their code.
_TRANSACTIONAL = server.transactional(lambda: None).__code__
for _name, _method in list(vars(server.Tasks).items()):
    if getattr(_method, '__code__', None) is _TRANSACTIONAL:
        setattr(server.Tasks, _name,
                server.transactional(_committed_with_retry(_method.__wrapped__)))
