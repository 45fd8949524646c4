# shellcheck shell=bash
# Debian 12 (bookworm) packages: the OpenStack "Zed" libraries (python3-*),
# never the *-api/*-common service packages (those would start systemd units).
# Tools the scripts use: curl (ensure.sh), sqlite3 (WAL mode), procps (ps in down.sh).
# The browser for the runtime tests is installed apart (install_browser, below).

PKGS="python3-keystone python3-swift python3-glance python3-placement
python3-nova python3-neutron python3-cinder rabbitmq-server
python3-openstackclient python3-openstacksdk python3-swiftclient
python3-osc-placement uwsgi-core uwsgi-plugin-python3 curl sqlite3 procps"

# Versions of the installed packages; a change invalidates the state stamps.
package_versions() {
  # shellcheck disable=SC2086  # word splitting of the list is intended
  dpkg-query -W -f='${Package}=${Version}\n' $PKGS 2>/dev/null | sort | md5sum | cut -c1-12
}

install_packages() {
  local missing="" p created_policy="" ta
  # shellcheck disable=SC2046  # one package per word
  for p in $PKGS $(plugins_pkgs); do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
  done
  if [ -z "$missing" ]; then
    log "packages already installed"
    return 0
  fi
  log "installing packages:$missing"
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    # keep postinst scripts from starting rabbitmq etc. as system services
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    created_policy=1
  fi
  ta=$(date +%s)
  apt-get update -q > /tmp/devcloud-apt.log 2>&1 || { tail -n 30 /tmp/devcloud-apt.log; die "apt-get update failed"; }
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
    $missing >> /tmp/devcloud-apt.log 2>&1 || { tail -n 30 /tmp/devcloud-apt.log; die "apt-get install failed (log: /tmp/devcloud-apt.log)"; }
  [ -n "$created_policy" ] && rm -f /usr/sbin/policy-rc.d
  log "packages installed in $(($(date +%s) - ta))s ($(grep -E '^(Need to get|Fetched)' /tmp/devcloud-apt.log | tr '\n' ' '))"
}

# The browser test/functional/runtimes/browser.test.ts drives (through playwright-core). Kept out
# of PKGS on purpose: package_versions() stamps the database state, and a browser update must not
# re-run the db syncs. Skipped when installed; without root it only says what is missing.
BROWSER_PKGS="chromium"

install_browser() {
  local missing="" p
  for p in $BROWSER_PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" != 0 ]; then
    log "WARNING:$missing not installed (needs root); the browser test will fail until it is"
    return 0
  fi
  log "installing$missing (log: /tmp/devcloud-apt.log)"
  apt-get update -q >> /tmp/devcloud-apt.log 2>&1 || die "apt-get update failed (log: /tmp/devcloud-apt.log)"
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing \
    >> /tmp/devcloud-apt.log 2>&1 || die "apt-get install$missing failed (log: /tmp/devcloud-apt.log)"
}
