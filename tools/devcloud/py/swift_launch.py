#!/usr/bin/python3
"""swift_launch.py SWIFT_DIR SECTION CONF LOGFILE

Run a Swift server or daemon without the swift-* service packages.
SECTION: object-server | container-server | account-server | proxy-server
         | container-updater

Swift only knows syslog (/dev/log, else UDP to localhost:514): we swap its
syslog handler for a plain log file, and point it at our swift.conf instead
of /etc/swift.
"""
import logging
import sys
import time

swift_dir, section, conf_file, log_file = sys.argv[1:5]

from swift.common import utils  # noqa: E402


class _FileHandler(logging.FileHandler):
    def __init__(self, *args, **kwargs):
        logging.FileHandler.__init__(self, log_file)

    def format(self, record):
        return time.strftime('%Y-%m-%d %H:%M:%S ') + logging.FileHandler.format(self, record)


utils.ThreadSafeSysLogHandler = _FileHandler
utils.set_swift_dir(swift_dir)

from swift.common import constraints, storage_policy  # noqa: E402

constraints.reload_constraints()
storage_policy.reload_storage_policies()

if section == 'container-updater':
    from swift.common.daemon import run_daemon
    from swift.container.updater import ContainerUpdater
    run_daemon(ContainerUpdater, conf_file)
else:
    from swift.common.wsgi import run_wsgi
    sys.exit(run_wsgi(conf_file, section))
