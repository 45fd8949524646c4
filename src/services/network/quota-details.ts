import { defineResource, f } from '../../resource/index.js';

/** Usage of one quota. */
export interface QuotaUsage {
  /** The limit (`-1`: unlimited). */
  limit: number;
  /** Used now. */
  used: number;
  /** Held by operations in progress. */
  reserved: number;
}

/** Quota usage of one project (`/quotas/{project_id}/details.json`): limit, used and reserved per resource. */
export const QuotaDetails = defineResource({
  name: 'quota details',
  basePath: '/quotas/{project_id}/details.json',
  resourceKey: 'quota',
  resourcesKey: null,
  idField: 'projectId',
  allow: { create: false, fetch: false, commit: false, delete: false, list: false },
  fields: {
    projectId: f.string({ api: 'project_id', location: 'uri' }),
    network: f.object<QuotaUsage>().readOnly().always(),
    subnet: f.object<QuotaUsage>().readOnly().always(),
    subnetpool: f.object<QuotaUsage>().readOnly().always(),
    port: f.object<QuotaUsage>().readOnly().always(),
    router: f.object<QuotaUsage>().readOnly(),
    floatingip: f.object<QuotaUsage>().readOnly(),
    rbacPolicy: f.object<QuotaUsage>({ api: 'rbac_policy' }).readOnly(),
    securityGroup: f.object<QuotaUsage>({ api: 'security_group' }).readOnly().always(),
    securityGroupRule: f.object<QuotaUsage>({ api: 'security_group_rule' }).readOnly().always(),
  },
});
