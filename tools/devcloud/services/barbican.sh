# shellcheck shell=bash
# Barbican (key-manager v1) on 127.0.0.1:9311: barbican-api under uwsgi and barbican-worker, which
# carries out orders (key and asymmetric generation) it receives from the API over rabbitmq.
# Secrets are encrypted by the store_crypto secret store with the simple_crypto plugin: its KEK
# (a Fernet key) is the dev cloud's own, generated once by barbican_prep into data/barbican, so a
# re-run of up.sh keeps every stored secret readable. Plugin contract: lib/plugins.sh.
#
# Barbican parses its config when a module is imported, with no command line (the API, and every
# crypto plugin builds its own config the same way), so it only ever reads oslo.config's default
# places: ~/.barbican/, ~/, /etc/barbican/, /etc/. Its processes run with HOME=$D/etc/barbican,
# where barbican.conf lives, and barbican.conf.d/kek.conf points at the key in data/.

barbican_pkgs="python3-barbican python3-barbicanclient"
barbican_cors="barbican-api:9311:/v1/secrets"

barbican_configs() {
  local E="$D/etc/barbican"
  mkdir -p "$E/barbican.conf.d" "$D/data/barbican"
  cat > "$E/barbican.conf" <<CONF
[DEFAULT]
log_file = $D/log/barbican-api.log
use_stderr = false
host_href = http://127.0.0.1:9311
sql_connection = $(sqlite_url barbican/barbican)
# the schema is created once by barbican_prep, not by each process as it starts
db_auto_create = false
transport_url = $RABBIT_URL
[queue]
enable = true
asynchronous_workers = 1
[secretstore]
enabled_secretstore_plugins = store_crypto
[crypto]
enabled_crypto_plugins = simple_crypto
[oslo_policy]
# the secure-RBAC defaults let a project member (the demo user) store secrets; the legacy ones
# want a "creator" role no other service knows
enforce_scope = false
enforce_new_defaults = true
policy_file = $E/policy.yaml
$(authtoken barbican)
$(cors_section)
CONF
  # The new defaults give per-project quotas to system-scoped admins only, and the SDK's tests
  # (like most clouds' admins) use project-scoped tokens: let the admin role manage them.
  cat > "$E/policy.yaml" <<'YAML'
"project_quotas:get": "role:admin"
"project_quotas:put": "role:admin"
"project_quotas:delete": "role:admin"
YAML
  # the KEK stays in data/ (state), the config dir only links to it
  ln -sfn "$D/data/barbican/kek.conf" "$E/barbican.conf.d/kek.conf"
  cat > "$E/barbican-api-paste.ini" <<'INI'
# Written by tools/devcloud/services/barbican.sh (Debian's library package ships no paste file).
[composite:main]
use = egg:Paste#urlmap
/: barbican_version
/v1: barbican_api

[pipeline:barbican_version]
pipeline = cors http_proxy_to_wsgi versionapp

[pipeline:barbican_api]
pipeline = cors http_proxy_to_wsgi authtoken context microversion apiapp

[app:apiapp]
paste.app_factory = barbican.api.app:create_main_app

[app:versionapp]
paste.app_factory = barbican.api.app:create_version_app

[filter:context]
paste.filter_factory = barbican.api.middleware.context:ContextMiddleware.factory

[filter:microversion]
paste.filter_factory = barbican.api.middleware.microversion:MicroversionMiddleware.factory

[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory

[filter:http_proxy_to_wsgi]
paste.filter_factory = oslo_middleware.http_proxy_to_wsgi:HTTPProxyToWSGI.factory

[filter:cors]
paste.filter_factory = oslo_middleware.cors:filter_factory
oslo_config_project = barbican
# the project name alone reads /etc/barbican/; the [cors] section is in our config file
oslo_config_file = %(here)s/barbican.conf
INI
}

barbican_helpers() {
  mkentry barbican-manage barbican.cmd.barbican_manage:main
  mkentry barbican-worker barbican.cmd.worker:main
  install -m 644 "$HERE/services/barbican_worker.py" "$D/lib/devcloud_barbican_worker.py"
  # before main() builds the RPC server around barbican.queue.server.Tasks
  sed -i '/^from barbican.cmd.worker/i import devcloud_barbican_worker  # noqa: E402,F401' "$D/bin/barbican-worker"
  cat > "$D/bin/barbican-wsgi.py" <<PYEOF
# uwsgi entry point for barbican-api (written by tools/devcloud/services/barbican.sh).
import sys

sys.path.insert(0, '$D/lib')
import devcloud_sqlite  # noqa: E402,F401  (lock errors retried, see py/devcloud_sqlite.py)

from paste import deploy  # noqa: E402

_app = deploy.loadapp('config:$D/etc/barbican/barbican-api-paste.ini')


def application(environ, start_response):
    # barbican answers some 204s (project quotas) with "Content-Length: 4" and no body; the web
    # server in front of a real barbican drops that header, uwsgi's http socket passes it on and
    # strict HTTP clients then refuse the answer
    def start(status, headers, exc_info=None):
        if status[:3] in ('204', '304'):
            headers = [(k, v) for k, v in headers if k.lower() != 'content-length']
        return start_response(status, headers, exc_info)
    return _app(environ, start)
PYEOF
}

barbican_prep() {
  local K="$D/data/barbican/kek.conf"
  if [ ! -s "$K" ]; then
    # a Fernet key: 32 random bytes, url-safe base64; never printed
    ( umask 077; printf '[simple_crypto_plugin]\nkek = %s\n' \
      "$(head -c 32 /dev/urandom | base64 | tr '+/' '-_')" > "$K.tmp" ) && mv "$K.tmp" "$K"
  fi
  if ! sqlite3 "$D/data/barbican/barbican.sqlite" 'select * from alembic_version' > /dev/null 2>&1; then
    rm -f "$D/data/barbican/barbican.sqlite"
    # barbican's alembic migrations ALTER constraints, which sqlite lacks: create the schema from
    # the models and stamp it at head, as barbican itself does with db_auto_create
    HOME="$D/etc/barbican" "$PY" - <<'PYEOF'
import sqlalchemy
from barbican.common import config
from barbican.model import models
from barbican.model.migration import commands
models.BASE.metadata.create_all(sqlalchemy.create_engine(config.CONF.sql_connection))
commands.stamp()
PYEOF
  fi
  wal "$D/data/barbican/barbican.sqlite"
}

barbican_start() {
  HOME="$D/etc/barbican" start barbican-api "$D/log/barbican-api-uwsgi.log" \
    "${UWSGI[@]}" --http-socket 127.0.0.1:9311 --wsgi-file "$D/bin/barbican-wsgi.py"
  HOME="$D/etc/barbican" start barbican-worker "$D/log/barbican-worker.out" \
    "$D/bin/barbican-worker" --log-file "$D/log/barbican-worker.log"
}
