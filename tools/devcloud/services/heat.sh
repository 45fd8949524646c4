# shellcheck shell=bash
# Heat (orchestration v1) on 8004: heat-api (eventlet wsgi server) + heat-engine (rpc over rabbitmq,
# convergence engine). Stacks talk to the dev cloud's nova, neutron, glance and cinder with a trust
# of the stack owner (trusts_delegated_roles = member); template users and wait conditions live in
# the stack user domain "heat", managed by heat_domain_admin (both created by heat_seed).
# The contract of these hooks is at the top of lib/plugins.sh.

heat_pkgs="python3-heat python3-heatclient"
heat_cors="heat-api:8004:/v1/cors-probe/stacks"

heat_configs() {
  mkdir -p "$D/etc/heat" "$D/data/heat/locks"
  cat > "$D/etc/heat/heat.conf" <<CONF
[DEFAULT]
log_dir = $D/log
use_stderr = false
transport_url = $RABBIT_URL
host = devcloud
num_engine_workers = 1
region_name_for_services = RegionOne
# heat-api-cfn does not run here; stacks with wait conditions or software deployments would
# signal these (unused) URLs
heat_metadata_server_url = http://127.0.0.1:8000
heat_waitcondition_server_url = http://127.0.0.1:8000/v1/waitcondition
stack_user_domain_name = heat
stack_domain_admin = heat_domain_admin
stack_domain_admin_password = heat_domain_admin
deferred_auth_method = trusts
trusts_delegated_roles = member
# encrypts credentials and hidden parameters in the database: exactly 32 characters
auth_encryption_key = devcloud-heat-auth-key-32-chars!
enable_stack_abandon = true
enable_stack_adopt = true
[heat_api]
bind_host = 127.0.0.1
bind_port = 8004
# one worker: the API is light, and the dev cloud shares 2 cores (0 would mean one per core)
workers = 1
[database]
connection = $(sqlite_url heat/heat)
[paste_deploy]
api_paste_config = $D/etc/heat/api-paste.ini
[oslo_concurrency]
lock_path = $D/data/heat/locks
[oslo_messaging_notifications]
driver = noop
[clients]
endpoint_type = public
[clients_keystone]
auth_uri = $KS
[trustee]
auth_type = password
auth_url = $KS
username = heat
password = heat
user_domain_id = default
$(authtoken heat)
$(cors_section)
CONF
  # the api-paste.ini of heat-common (not installed: it ships systemd units), the heat-api pipeline
  cat > "$D/etc/heat/api-paste.ini" <<INI
[pipeline:heat-api]
pipeline = cors request_id faultwrap http_proxy_to_wsgi versionnegotiation authurl authtoken context apiv1app

[app:apiv1app]
paste.app_factory = heat.common.wsgi:app_factory
heat.app_factory = heat.api.openstack.v1:API

[filter:versionnegotiation]
paste.filter_factory = heat.common.wsgi:filter_factory
heat.filter_factory = heat.api.openstack:version_negotiation_filter

[filter:cors]
paste.filter_factory = oslo_middleware.cors:filter_factory
oslo_config_project = heat
# the project name alone reads /etc/heat/; the [cors] section is in our config file
oslo_config_file = $D/etc/heat/heat.conf

[filter:faultwrap]
paste.filter_factory = heat.common.wsgi:filter_factory
heat.filter_factory = heat.api.openstack:faultwrap_filter

[filter:context]
paste.filter_factory = heat.common.context:ContextMiddleware_filter_factory

[filter:authurl]
paste.filter_factory = heat.common.auth_url:filter_factory

[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory

[filter:request_id]
paste.filter_factory = oslo_middleware.request_id:RequestId.factory

[filter:http_proxy_to_wsgi]
paste.filter_factory = oslo_middleware.http_proxy_to_wsgi:HTTPProxyToWSGI.factory
INI
}

heat_helpers() {
  local s
  for s in api engine manage; do mkentry "heat-$s" "heat.cmd.$s:main"; done
}

heat_prep() {
  quiet "$D/bin/heat-manage" --config-file "$D/etc/heat/heat.conf" db_sync
  heat_autoincrement "$D/data/heat/heat.sqlite"
  wal "$D/data/heat/heat.sqlite"
}

# SQLite hands a deleted highest row id out again unless the key is AUTOINCREMENT. Heat deletes
# the resource_properties_data rows of a deleted stack's events by id, so a reused id took another
# stack's resource properties with it ("ResourcePropertiesData with id N not found" on the next
# update). Rebuild heat's integer-keyed tables with AUTOINCREMENT keys; idempotent.
heat_autoincrement() {
  "$PY" - "$1" <<'PY'
import re
import sqlite3
import sys

db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute('PRAGMA foreign_keys=OFF')
db.execute('PRAGMA legacy_alter_table=ON')
db.execute('BEGIN')
tables = db.execute("SELECT name, sql FROM sqlite_master WHERE type='table'").fetchall()
for name, sql in tables:
    col = re.compile(r'(\(\s*)id INTEGER NOT NULL,')
    if 'AUTOINCREMENT' in sql or not col.search(sql) or 'PRIMARY KEY (id)' not in sql:
        continue
    new = col.sub(r'\1id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,', sql, count=1)
    new = re.sub(r',\s*PRIMARY KEY \(id\)', '', new, count=1)
    new = new.replace('CREATE TABLE %s (' % name, 'CREATE TABLE %s__ai (' % name, 1)
    indexes = [r[0] for r in db.execute(
        "SELECT sql FROM sqlite_master WHERE type='index' AND tbl_name=? AND sql IS NOT NULL", (name,))]
    db.execute(new)
    db.execute('INSERT INTO %s__ai SELECT * FROM %s' % (name, name))
    db.execute('DROP TABLE %s' % name)
    db.execute('ALTER TABLE %s__ai RENAME TO %s' % (name, name))
    for i in indexes:
        db.execute(i)
db.execute('COMMIT')
PY
}

heat_start() {
  local s
  for s in engine api; do
    start "heat-$s" "$D/log/heat-$s.out" \
      "$D/bin/heat-$s" --config-file "$D/etc/heat/heat.conf" --log-file "$D/log/heat-$s.log"
  done
}

# The stack user domain and its admin (keystone.spec has no domains); idempotent.
heat_seed() {
  PYTHONPATH="$HERE/py" "$PY" - "$KS/v3" <<'PY' || die "heat: stack user domain setup failed"
import sys

from dc import sess

s = sess(sys.argv[1], 'admin')
EP = {'service_type': 'identity', 'interface': 'public'}


def one(path, key, body, **query):
    found = s.get(path, endpoint_filter=EP, params=query).json()[key]
    if found:
        return found[0]
    return s.post(path, endpoint_filter=EP, json={key[:-1]: body}).json()[key[:-1]]


domain = one('/domains', 'domains', {'name': 'heat', 'description': 'Heat stack users'}, name='heat')
user = one('/users', 'users', {'name': 'heat_domain_admin', 'password': 'heat_domain_admin',
                               'domain_id': domain['id']},
           name='heat_domain_admin', domain_id=domain['id'])
admin = one('/roles', 'roles', {'name': 'admin'}, name='admin')
s.put('/domains/%s/users/%s/roles/%s' % (domain['id'], user['id'], admin['id']), endpoint_filter=EP)
PY
  log "heat: stack user domain 'heat' and heat_domain_admin ready"
}
