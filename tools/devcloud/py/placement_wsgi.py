# uwsgi entry point for placement.
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'lib'))
import devcloud_sqlite  # noqa: E402,F401  (lock errors retried, see py/devcloud_sqlite.py)

from placement.wsgi import init_application

# placement does not retry a transaction that lost a SQLite WAL race (a DBDeadlock here): nova's
# DELETE of a server's allocations answered 500 in a busy CI run and the server went to ERROR.
# The request runs again instead, as a client would retry a MySQL deadlock.
application = devcloud_sqlite.retried_on_lost_race(init_application())
