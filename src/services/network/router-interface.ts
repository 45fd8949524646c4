import { defineResource, f } from '../../resource/index.js';

/**
 * What `PUT /routers/{id}/add_router_interface` and `remove_router_interface` take and return:
 * the router port connecting a subnet. Not a collection: use `conn.network.addRouterInterface()`.
 */
export const RouterInterface = defineResource({
  name: 'router interface',
  basePath: '/routers/{router_id}',
  resourceKey: null,
  resourcesKey: null,
  allow: { create: false, fetch: false, commit: false, delete: false, list: false },
  fields: {
    routerId: f.string({ api: 'router_id', location: 'uri' }),
    /** The router's id (neutron answers with the router, not the port). */
    id: f.string({ readOnly: true }).always(),
    /** Attach/detach by subnet: neutron creates (or deletes) a port with the subnet's gateway IP. */
    subnetId: f.string({ api: 'subnet_id', createOnly: true }).always(),
    /** Attach/detach by an existing port. */
    portId: f.string({ api: 'port_id', createOnly: true }).always(),
    subnetIds: f.array<string>({ api: 'subnet_ids' }).readOnly().always(),
    networkId: f.string({ api: 'network_id', readOnly: true }).always(),
    projectId: f.string({ api: 'project_id', readOnly: true }).always(),
    tenantId: f.string({ api: 'tenant_id', readOnly: true }),
    tags: f.array<string>().readOnly(),
  },
});
