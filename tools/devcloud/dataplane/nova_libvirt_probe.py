"""Starts nova's own libvirt driver against the running libvirtd, the way nova-compute does at
start-up (init_host, then the resource report its resource tracker sends to placement), without
any database, message queue or placement: so the first errors nova-compute(libvirt) would hit on
this machine show up here, verbatim, without touching the dev cloud.

Run with Debian's python (the dev cloud's python3-nova) while libvirtd runs:
    /usr/bin/python3 nova_libvirt_probe.py INSTANCES_DIR
"""
import json
import os
import sys
import tempfile


def main(instances_path):
    # nova's services run under eventlet; the driver's libvirt event threads block without it
    import nova.monkey_patch  # noqa: F401

    conf_file = os.path.join(tempfile.mkdtemp(prefix='ossdk-dp-nova-'), 'nova.conf')
    # Only what the driver reads at start-up; the dev cloud's nova.conf is not read.
    with open(conf_file, 'w') as f:
        f.write(f"""[DEFAULT]
compute_driver = libvirt.LibvirtDriver
instances_path = {instances_path}
state_path = {instances_path}
my_ip = 127.0.0.1
host = ossdk-dp-probe
use_stderr = true
[libvirt]
virt_type = qemu
cpu_mode = none
connection_uri = qemu:///system
images_type = qcow2
inject_partition = -2
""")
    from oslo_log import log as logging

    import nova.conf
    from nova import config, objects
    from nova.virt import fake
    from nova.virt.libvirt import driver as libvirt_driver

    config.parse_args([sys.argv[0], '--config-file', conf_file])
    logging.setup(nova.conf.CONF, 'nova')   # nova's warnings and errors on stderr, verbatim
    objects.register_all()
    drv = libvirt_driver.LibvirtDriver(fake.FakeVirtAPI(), read_only=False)
    # init_host's last step lists this host's instances from nova's database, which the probe has
    # not got (seen: CantStartEngineError "No sql_connection parameter is established" from
    # _register_all_undefined_instance_details); every host check runs before it.
    drv._register_all_undefined_instance_details = lambda: None
    drv.init_host(host='ossdk-dp-probe')
    print('init_host: ok')
    # nova-compute's manager registers these options in its own init_host; the report reads them
    nova.conf.neutron.register_dynamic_opts(nova.conf.CONF)
    nova.conf.devices.register_dynamic_opts(nova.conf.CONF)
    res = drv.get_available_resource('ossdk-dp-probe')
    keep = ('vcpus', 'memory_mb', 'local_gb', 'hypervisor_type', 'hypervisor_version',
            'hypervisor_hostname')
    print('get_available_resource:', json.dumps({k: res[k] for k in keep}))
    cpu = json.loads(res['cpu_info'])
    print('cpu_info:', cpu.get('arch'), cpu.get('model'), cpu.get('vendor'))
    print('instances on this host:', drv.list_instances())


if __name__ == '__main__':
    main(sys.argv[1])
