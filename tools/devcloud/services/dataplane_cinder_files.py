"""A cinder volume driver for the dev cloud's real data plane: volumes that hold data and reach a
guest on a machine whose kernel has no device-mapper (so no LVM), no iSCSI target or initiator, no
NBD, RBD or NFS (dataplane/FINDINGS.md), but does have loop devices.

Each volume is a sparse file; attaching it maps the file on a loop device and hands nova a
connection of type "local" with that device's path, which nova's libvirt driver gives the guest
as a virtio disk. Images are written into and read from the files with cinder's own helpers (as
its remotefs drivers do), snapshots and clones are file copies. One machine only: the loop device
exists on the host where cinder-volume runs, which is also the compute host here.

Installed by services/dataplane.sh as $D/lib/devcloud_cinder_files.py (cinder-volume's PYTHONPATH)
and enabled as backend "files" in availability zone "dataplane".
"""
import os
import subprocess

from oslo_config import cfg
from oslo_log import log as logging
from oslo_utils import units

from cinder import exception
from cinder.image import image_utils
from cinder import utils
from cinder.volume import configuration
from cinder.volume import driver
from cinder.volume import volume_utils

LOG = logging.getLogger(__name__)

OPTS = [
    cfg.StrOpt('files_volume_dir', help='Directory that holds the volume and snapshot files.'),
]
cfg.CONF.register_opts(OPTS, group=configuration.SHARED_CONF_GROUP)


def _run(*cmd):
    """Runs a host command (cinder-volume runs as root in the dev cloud) and returns its stdout."""
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise exception.VolumeBackendAPIException(
            data='%s failed (exit %d): %s' % (' '.join(cmd), done.returncode, done.stderr.strip()))
    return done.stdout


class LoopFileDriver(driver.VolumeDriver):
    """Volumes in sparse files, attached through loop devices as connections of type "local"."""

    VERSION = '1.0.0'
    CI_WIKI_NAME = 'ossdk-devcloud'

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.configuration.append_config_values(OPTS)
        self.backend_name = self.configuration.safe_get('volume_backend_name') or 'files'
        self.dir = self.configuration.safe_get('files_volume_dir')

    # --- set-up and stats ------------------------------------------------------------------------

    def do_setup(self, context):
        if not self.dir:
            raise exception.InvalidConfigurationValue(option='files_volume_dir', value=self.dir)
        os.makedirs(self.dir, exist_ok=True)

    def check_for_setup_error(self):
        _run('losetup', '--version')

    def _update_volume_stats(self):
        st = os.statvfs(self.dir)
        self._stats = {
            'volume_backend_name': self.backend_name,
            'vendor_name': 'ossdk dev cloud',
            'driver_version': self.VERSION,
            'storage_protocol': 'local',
            'pools': [{
                'pool_name': self.backend_name,
                'total_capacity_gb': st.f_blocks * st.f_frsize // units.Gi,
                'free_capacity_gb': st.f_bavail * st.f_frsize // units.Gi,
                'reserved_percentage': 0,
                'thin_provisioning_support': True,
                'thick_provisioning_support': False,
                'max_over_subscription_ratio': 20.0,
                'multiattach': False,
                'QoS_support': False,
            }],
        }

    # --- where a volume lives --------------------------------------------------------------------

    def local_path(self, volume):
        return os.path.join(self.dir, 'volume-%s' % volume.id)

    def _snapshot_path(self, snapshot):
        return os.path.join(self.dir, 'snapshot-%s' % snapshot.id)

    @staticmethod
    def _copy(src, dst, size_gb):
        # a failed copy leaves no half file behind under the final name
        tmp = dst + '.part'
        _run('cp', '--sparse=always', '--reflink=auto', src, tmp)
        if size_gb and os.path.getsize(tmp) < size_gb * units.Gi:
            os.truncate(tmp, size_gb * units.Gi)
        os.replace(tmp, dst)

    # --- volumes and snapshots -------------------------------------------------------------------

    def create_volume(self, volume):
        path = self.local_path(volume)
        with open(path, 'wb') as f:
            f.truncate(volume.size * units.Gi)
        LOG.info('volume %s: sparse file %s of %d GiB', volume.id, path, volume.size)

    def delete_volume(self, volume):
        path = self.local_path(volume)
        self._detach_loops(path)
        if os.path.exists(path):
            os.remove(path)

    def extend_volume(self, volume, new_size):
        os.truncate(self.local_path(volume), new_size * units.Gi)

    def create_snapshot(self, snapshot):
        self._copy(self.local_path(snapshot.volume), self._snapshot_path(snapshot), 0)

    def delete_snapshot(self, snapshot):
        path = self._snapshot_path(snapshot)
        if os.path.exists(path):
            os.remove(path)

    def create_volume_from_snapshot(self, volume, snapshot):
        self._copy(self._snapshot_path(snapshot), self.local_path(volume), volume.size)

    def create_cloned_volume(self, volume, src_vref):
        self._copy(self.local_path(src_vref), self.local_path(volume), volume.size)

    def copy_image_to_volume(self, context, volume, image_service, image_id):
        path = self.local_path(volume)
        image_utils.fetch_to_raw(context, image_service, image_id, path,
                                 self.configuration.volume_dd_blocksize, size=volume.size)
        # the conversion leaves the file at the image's size: give it the volume's back
        image_utils.resize_image(path, volume.size)

    def copy_volume_to_image(self, context, volume, image_service, image_meta):
        volume_utils.upload_volume(context, image_service, image_meta, self.local_path(volume), volume)

    # --- attachments: a loop device per attached volume ------------------------------------------

    @staticmethod
    def _loops(path):
        """The loop devices that map PATH now (losetup -j: "/dev/loop3: [...]:123 (PATH)")."""
        out = _run('losetup', '-j', path)
        return [line.split(':', 1)[0] for line in out.splitlines() if line.strip()]

    def _detach_loops(self, path):
        for dev in self._loops(path):
            # a device still open (by a qemu that is going away) is freed once it closes
            _run('losetup', '-d', dev)

    def create_export(self, context, volume, connector):
        return None

    def ensure_export(self, context, volume):
        return None

    def remove_export(self, context, volume):
        return None

    def initialize_connection(self, volume, connector, **kwargs):
        path = self.local_path(volume)

        @utils.synchronized('devcloud-files-%s' % volume.id, external=True)
        def attach():
            loops = self._loops(path)
            return loops[0] if loops else _run('losetup', '--find', '--show', path).strip()

        dev = attach()
        LOG.info('volume %s attached on %s', volume.id, dev)
        return {'driver_volume_type': 'local', 'data': {'device_path': dev}}

    def terminate_connection(self, volume, connector, **kwargs):
        path = self.local_path(volume)

        @utils.synchronized('devcloud-files-%s' % volume.id, external=True)
        def detach():
            self._detach_loops(path)

        detach()
