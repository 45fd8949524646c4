# uwsgi entry point for placement.
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'lib'))
import devcloud_sqlite  # noqa: E402,F401  (lock errors retried, see py/devcloud_sqlite.py)

from placement.wsgi import init_application

application = init_application()
