/**
 * Compute (nova) resources bound to nova's api samples. Action bodies are declared like
 * resources (src/services/compute/server-actions.ts) and bound to the action samples that
 * carry a body; actions whose body is `null` (`{"os-start": null}`) have nothing to rebuild.
 */
import { AvailabilityZone } from '../../../../src/services/compute/availability-zone.js';
import { ComputeService, ComputeServiceUpdate } from '../../../../src/services/compute/compute-service.js';
import { Flavor } from '../../../../src/services/compute/flavor.js';
import {
  AddTenantAccessAction,
  FlavorAccess,
  RemoveTenantAccessAction,
} from '../../../../src/services/compute/flavor-access.js';
import { Hypervisor } from '../../../../src/services/compute/hypervisor.js';
import { InstanceAction } from '../../../../src/services/compute/instance-action.js';
import { Keypair } from '../../../../src/services/compute/keypair.js';
import { Limits } from '../../../../src/services/compute/limits.js';
import { Migration } from '../../../../src/services/compute/migration.js';
import { QuotaSet, QuotaSetDetail } from '../../../../src/services/compute/quota-set.js';
import { Server } from '../../../../src/services/compute/server.js';
import {
  ChangePasswordAction,
  ConsoleOutputAction,
  CreateBackupAction,
  CreateImageAction,
  LiveMigrateAction,
  LockAction,
  MigrateAction,
  RebootAction,
  RebuildAction,
  RescueAction,
  ResetStateAction,
  ResizeAction,
  UnshelveAction,
} from '../../../../src/services/compute/server-actions.js';
import { ServerGroup } from '../../../../src/services/compute/server-group.js';
import { ServerInterface } from '../../../../src/services/compute/server-interface.js';
import { ServerMigration } from '../../../../src/services/compute/server-migration.js';
import { VolumeAttachment } from '../../../../src/services/compute/volume-attachment.js';
import type { SampleBinding } from '../harness.js';

const compute = { service: 'compute', microversioned: true } as const;

/** Action samples in the servers folder, bound to their action declarations below. */
const SERVER_ACTION_SAMPLES =
  /servers\/(v2\.\d+\/)?(server-action-(?!rebuild-resp)|lock-server)|server-groups-post/;

export const bindings: SampleBinding[] = [
  {
    ...compute,
    def: Server,
    // os-multiple-create is not bound: its samples send min_count/max_count/return_reservation_id
    // as strings ("2", "True"), which nova tolerates but the SDK types as numbers and booleans.
    hints: ['servers', 'os-rescue', 'os-preserve-ephemeral-rebuild', 'servers-sort'],
    include: /servers\/|servers-sort\/|server-get-resp|server-action-rebuild/,
    exclude: new RegExp(
      [
        SERVER_ACTION_SAMPLES.source,
        // The create samples of 2.90 and 2.94 still carry `personality`, which nova's own
        // api-ref (parameters.yaml: max_version 2.56) and request schema removed at 2.57.
        'servers\\/v2\\.(90|94)\\/server-create-req',
        // the rebuild request (not a server body) is bound to RebuildAction
        'rebuild-preserve-ephemeral\\.json',
      ].join('|'),
    ),
    // the SDK lists /servers/detail, and createServer types its answer as partial; a down
    // cell's servers (2.69, status UNKNOWN) are partial, as Server's TSDoc says
    partial:
      /server-create-resp|servers-list-resp|servers-list-status-resp|server-sort-keys-list-resp|servers-list-with-changes-before|v2\.69\/|down-cell/,
    requestMode: (e) =>
      /server-update-req|server-put-req/.test(e.path)
        ? 'update'
        : /server-create-req|server-post-req/.test(e.path)
          ? 'create'
          : 'skip',
  },
  {
    ...compute,
    def: RebootAction,
    hints: ['servers'],
    include: /server-action-reboot/,
  },
  {
    ...compute,
    def: ResizeAction,
    hints: ['servers'],
    include: /server-action-resize/,
  },
  {
    ...compute,
    def: RebuildAction,
    hints: ['servers', 'os-preserve-ephemeral-rebuild'],
    include: /server-action-rebuild(-preserve-ephemeral)?\.json/,
  },
  {
    ...compute,
    def: CreateImageAction,
    hints: ['servers'],
    include: /server-action-create-image\.json/,
  },
  { ...compute, def: CreateBackupAction, hints: ['os-create-backup'], include: /-req/ },
  { ...compute, def: LockAction, hints: ['servers', 'os-lock-server'], include: /lock-server-with-reason/ },
  { ...compute, def: RescueAction, hints: ['os-rescue'], include: /server-rescue-req/ },
  { ...compute, def: ConsoleOutputAction, hints: ['os-console-output'], include: /-req/ },
  { ...compute, def: ChangePasswordAction, hints: ['os-admin-password'] },
  { ...compute, def: ResetStateAction, hints: ['os-admin-actions'], include: /reset-server-state/ },
  // the other migrate samples have a null body
  { ...compute, def: MigrateAction, hints: ['os-migrate-server'], include: /v2\.56\/migrate-server\.json/ },
  {
    ...compute,
    def: LiveMigrateAction,
    hints: ['os-migrate-server', 'server-migrations'],
    include: /live-migrate-server/,
  },
  { ...compute, def: UnshelveAction, hints: ['os-shelve'], include: /os-unshelve-/ },
  {
    ...compute,
    def: Flavor,
    hints: ['flavors', 'flavor-manage', 'flavor-access'],
    include: /flavors\/|flavor-manage\/|flavor-create-req/,
    requestMode: (e) => (/flavor-update-req/.test(e.path) ? 'update' : 'create'),
    // the SDK lists /flavors/detail
    partial: /flavors-list-resp/,
  },
  { ...compute, def: FlavorAccess, hints: ['flavor-access'], include: /-resp/ },
  { ...compute, def: AddTenantAccessAction, hints: ['flavor-access'], include: /add-tenant-req/ },
  { ...compute, def: RemoveTenantAccessAction, hints: ['flavor-access'], include: /remove-tenant-req/ },
  {
    ...compute,
    def: Keypair,
    hints: ['os-keypairs'],
    // listing rows are wrapped ({ keypair: {...} }); listKeypairs unwraps them
    partial: /keypairs-list/,
  },
  {
    ...compute,
    def: ServerGroup,
    hints: ['os-server-groups', 'servers'],
    include: /server-groups/,
  },
  { ...compute, def: AvailabilityZone, hints: ['os-availability-zone'] },
  { ...compute, def: Limits, hints: ['limits'] },
  {
    ...compute,
    def: QuotaSet,
    hints: ['os-quota-sets', 'os-quota-sets-noop'],
    exclude: /detail/,
    requestMode: () => 'update',
  },
  { ...compute, def: QuotaSetDetail, hints: ['os-quota-sets', 'os-quota-sets-noop'], include: /detail/ },
  {
    ...compute,
    def: Hypervisor,
    hints: ['os-hypervisors'],
    // statistics are a cloud-wide sum, not a hypervisor (and the API is gone at 2.88)
    exclude: /statistics/,
    // the SDK lists /os-hypervisors/detail; search, uptime and servers are other calls' answers
    partial: /hypervisors-(list|search|uptime|with-servers|without-servers)-resp/,
  },
  {
    ...compute,
    def: ComputeService,
    hints: ['os-services'],
    include: /-resp/,
    // enable/disable/force-down answer with the changed keys only; 2.69 lists a down cell's
    // services with fewer keys
    partial: /service-(disable|enable|force-down)|v2\.69\//,
  },
  {
    ...compute,
    def: ComputeServiceUpdate,
    hints: ['os-services'],
    // From 2.53 services are changed by id with a bare body; the SDK does not send the
    // older `PUT /os-services/{enable,disable,...}` forms keyed by host and binary.
    include: /v2\.53\/.*-req/,
  },
  {
    ...compute,
    def: VolumeAttachment,
    hints: ['os-volume_attachments'],
    // PUT (swap volume / 2.85 update) is not modelled by the SDK.
    exclude: /update-volume/,
  },
  { ...compute, def: ServerInterface, hints: ['os-attach-interfaces'] },
  {
    ...compute,
    def: ServerMigration,
    hints: ['server-migrations'],
    include: /migrations-(get|index)/,
  },
  { ...compute, def: Migration, hints: ['os-migrations'] },
  { ...compute, def: InstanceAction, hints: ['os-instance-actions'] },
];
