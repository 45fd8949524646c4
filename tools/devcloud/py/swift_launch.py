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

    class InProcessUpdater(ContainerUpdater):
        """Sweeps in this process, one pass after another.

        The stock loop forks a child per partition, and each child monkey-patches eventlet
        afresh: ~0.6 s of CPU per partition. With a few dozen partitions in use and a
        5-second interval, that kept both cores of a CI machine about half busy. run_once
        walks the same partitions without forking.
        """

        def run_forever(self, *args, **kwargs):
            while True:
                begin = time.time()
                self.run_once()
                time.sleep(max(0.0, self.interval - (time.time() - begin)))

    run_daemon(InProcessUpdater, conf_file, section_name='container-updater')
else:
    from swift.common.wsgi import run_wsgi
    sys.exit(run_wsgi(conf_file, section))
