# uwsgi entry point for keystone (the keystone package ships no wsgi file).
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'lib'))
import devcloud_sqlite  # noqa: E402,F401  (lock errors retried, see py/devcloud_sqlite.py)

from keystone.server.flask import core  # noqa: E402
from keystone.server.wsgi import initialize_public_application  # noqa: E402

# Keystone builds its CORS middleware with oslo_config_project=keystone, which reads only
# /etc/keystone/keystone.conf; point it at our file so the [cors] section there applies.
for mw in core._APP_MIDDLEWARE:
    if mw.ep == 'cors':
        mw.conf['oslo_config_file'] = os.path.join(os.environ['OS_KEYSTONE_CONFIG_DIR'], 'keystone.conf')

application = initialize_public_application()
