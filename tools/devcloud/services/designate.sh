# shellcheck shell=bash
# Designate (DNS, API v2) on 127.0.0.1:9001: designate-api, -central, -worker, -producer and
# -mdns over rabbitmq, with a real BIND 9 as the pool's one nameserver. named listens on
# 127.0.0.1:5322 (rndc on 127.0.0.1:9530), allows zones added at run time, and is a secondary
# of designate-mdns (127.0.0.1:5354): designate's bind9 backend runs "rndc addzone", named then
# transfers the zone from mdns, and the worker polls named until it serves the new serial, which
# is when a zone turns ACTIVE. So zones really get served and a test can ask named for a record.
# The pool (pools.yaml, loaded by designate-manage pool update) needs central, hence the seed.
# shellcheck disable=SC2034  # read through pvar by lib/plugins.sh
designate_pkgs="python3-designate python3-designateclient bind9 bind9-utils"
# shellcheck disable=SC2034
designate_cors="designate-api:9001:/v2/zones"

DESIGNATE_NAMED_PORT=5322
DESIGNATE_RNDC_PORT=9530
DESIGNATE_MDNS_PORT=5354

designate_configs() {
  local E="$D/etc/designate" S="$D/data/designate"
  mkdir -p "$E" "$S/locks" "$S/bind"
  cat > "$E/designate.conf" <<CONF
[DEFAULT]
host = devcloud
state_path = $S
transport_url = $RABBIT_URL
use_stderr = false
[oslo_concurrency]
lock_path = $S/locks
[storage:sqlalchemy]
connection = $(sqlite_url designate/designate)
[service:api]
listen = 127.0.0.1:9001
api_base_uri = http://127.0.0.1:9001/
api_paste_config = $E/api-paste.ini
auth_strategy = keystone
workers = 1
enable_api_v2 = true
enable_api_admin = true
enabled_extensions_admin = quotas, reports
enable_host_header = true
# one process of each: central is the only writer of the SQLite database
[service:central]
workers = 1
managed_resource_email = hostmaster@devcloud.test
[service:worker]
workers = 1
# a zone is ACTIVE once named serves its serial; poll soon and often (defaults: 5 s, 15 s)
poll_delay = 1
poll_retry_interval = 2
poll_max_retries = 20
[service:producer]
workers = 1
[service:mdns]
workers = 1
listen = 127.0.0.1:$DESIGNATE_MDNS_PORT
[network_api:neutron]
endpoint_type = publicURL
$(authtoken designate)
$(cors_section)
CONF
  cp "$HERE/etc/designate-api-paste.ini" "$E/api-paste.ini"

  cat > "$E/named.conf" <<CONF
// named for designate's bind9 backend: a secondary of designate-mdns, zones added by rndc.
include "$S/rndc.key";
options {
  directory "$S/bind";
  pid-file "$S/bind/named.pid";
  session-keyfile "$S/bind/session.key";
  listen-on port $DESIGNATE_NAMED_PORT { 127.0.0.1; };
  listen-on-v6 { none; };
  allow-new-zones yes;
  allow-query { any; };
  allow-notify { 127.0.0.1; };
  recursion no;
  dnssec-validation no;
  notify no;
};
controls {
  inet 127.0.0.1 port $DESIGNATE_RNDC_PORT allow { 127.0.0.1; } keys { "designate"; };
};
logging {
  channel main { file "$D/log/named.log" versions 2 size 20m; print-time yes; severity info; };
  category default { main; };
};
CONF

  cat > "$E/pools.yaml" <<YAML
- name: default
  description: devcloud pool (one named on 127.0.0.1:$DESIGNATE_NAMED_PORT)
  attributes: {}
  ns_records:
    - hostname: ns1.devcloud.test.
      priority: 1
  nameservers:
    - host: 127.0.0.1
      port: $DESIGNATE_NAMED_PORT
  targets:
    - type: bind9
      description: named on 127.0.0.1:$DESIGNATE_NAMED_PORT
      masters:
        - host: 127.0.0.1
          port: $DESIGNATE_MDNS_PORT
      options:
        host: 127.0.0.1
        port: $DESIGNATE_NAMED_PORT
        rndc_host: 127.0.0.1
        rndc_port: $DESIGNATE_RNDC_PORT
        rndc_key_file: $D/data/designate/rndc.key
        rndc_bin_path: /usr/sbin/rndc
        clean_zonefile: 'true'
  also_notifies: []
YAML
}

designate_helpers() {
  local s
  for s in api central worker producer mdns manage; do mkentry "designate-$s" "designate.cmd.$s:main"; done
}

designate_prep() {
  local E="$D/etc/designate" S="$D/data/designate"
  # the rndc key is state, made once: named and the worker's rndc calls must agree on it
  [ -s "$S/rndc.key" ] || tsig-keygen -a hmac-sha256 designate > "$S/rndc.key"
  chmod 600 "$S/rndc.key"
  "$D/bin/designate-manage" --config-file "$E/designate.conf" database sync
  wal "$D/data/designate/designate.sqlite"
}

designate_start() {
  local s
  start named "$D/log/named.out" /usr/sbin/named -f -c "$D/etc/designate/named.conf"
  for s in central worker producer mdns api; do
    start "designate-$s" "$D/log/designate-$s.out" \
      "$D/bin/designate-$s" --config-file "$D/etc/designate/designate.conf" --log-file "$D/log/designate-$s.log"
  done
}

# The default pool (designate's default_pool_id) gets named as its target; central must run.
designate_seed() {
  quiet "$D/bin/designate-manage" --config-file "$D/etc/designate/designate.conf" \
    pool update --file "$D/etc/designate/pools.yaml" || die "designate pool update failed (see $D/log/setup.log)"
}
