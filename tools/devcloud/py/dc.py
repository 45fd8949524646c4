"""Small helpers shared by the devcloud python tools (keystoneauth only)."""
import os

from keystoneauth1 import session
from keystoneauth1.identity import v3


def sess(auth_url, user, password=None, project=None):
    """A keystoneauth session for a user of the Default domain."""
    return session.Session(auth=v3.Password(
        auth_url=auth_url, username=user, password=password or user,
        project_name=project or user,
        user_domain_id='default', project_domain_id='default'))


def ep(service_type, **kw):
    """endpoint_filter for the public endpoint of a service."""
    return dict(service_type=service_type, interface='public',
                region_name='RegionOne', **kw)


def logged(run_dir, name, text, since=None):
    """Whether service NAME's log ($D/log/NAME.log, next to RUN_DIR) holds TEXT yet; with SINCE,
    only after the last line holding SINCE (logs are kept across restarts: SINCE names the line
    a service logs when it starts)."""
    try:
        with open(os.path.join(run_dir or '', '..', 'log', name + '.log'), errors='replace') as f:
            log = f.read()
    except OSError:
        return False
    if since is not None:
        at = log.rfind(since)
        if at < 0:
            return False
        log = log[at:]
    return text in log


def dead_services(run_dir):
    """Names whose pid file ("PID STARTTIME") no longer matches a live process."""
    dead = []
    if not run_dir or not os.path.isdir(run_dir):
        return dead
    for f in sorted(os.listdir(run_dir)):
        if not f.endswith('.pid'):
            continue
        name = f[:-4]
        try:
            with open(os.path.join(run_dir, f)) as fh:
                pid, start = fh.read().split()[:2]
            with open('/proc/%s/stat' % pid) as fh:
                fields = fh.read().rsplit(')', 1)[1].split()
            if fields[19] != start or fields[0] == 'Z':
                dead.append(name)
        except (OSError, ValueError, IndexError):
            dead.append(name)
    return dead
