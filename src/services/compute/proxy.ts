/**
 * The compute v2.1 (nova) proxy, `conn.compute`: the generated verbs of one table, and one
 * section module per family of hand-written methods (servers and their actions, flavors, key
 * pairs, scheduling, quotas, compute services), assembled by `mixSections`.
 */
import { installVerbs, type VerbsOfTable, verbRow } from '../../resource/index.js';
import type { Session } from '../../session/session.js';
import { mixSections } from '../proxy-sections.js';
import { type ProxyOptions, ServiceProxy } from '../service-proxy.js';
import { computeV2Spec } from '../specs.js';
import { ComputeService } from './compute-service.js';
import { ComputeServiceSection } from './compute-service-admin-section.js';
import { Flavor } from './flavor.js';
import { FlavorExtrasSection } from './flavor-extras-section.js';
import { Hypervisor } from './hypervisor.js';
import { InstanceAction } from './instance-action.js';
import { KeypairSection } from './keypairs-section.js';
import { Migration } from './migration.js';
import { type ServerSections, serverSections, serverVerbTable } from './proxy-servers.js';
import { QuotaSection } from './quotas-section.js';
import { SchedulingSection } from './scheduling-section.js';
import { ServerGroup } from './server-group.js';
import { ServerInterface } from './server-interface.js';
import { ServerMigration } from './server-migration.js';
import { VolumeAttachment } from './volume-attachment.js';

const CRUD = ['list', 'get', 'find', 'create', 'update', 'delete'] as const;
/** A resource nested under a server: no find, no update, waited on while it attaches. */
const ATTACHED = ['list', 'get', 'create', 'delete', 'wait'] as const;

/** The generated verbs of `conn.compute`, one row per resource (singular → definition, plural, verbs). */
const computeVerbTable = {
  ...serverVerbTable,
  Flavor: verbRow(Flavor, 'Flavors', CRUD),
  ServerGroup: verbRow(ServerGroup, 'ServerGroups', ['list', 'get', 'find', 'delete']),
  Hypervisor: verbRow(Hypervisor, 'Hypervisors', ['list', 'get', 'find']),
  ComputeService: verbRow(ComputeService, 'ComputeServices', ['list', 'delete']),
  VolumeAttachment: verbRow(VolumeAttachment, 'VolumeAttachments', ATTACHED),
  ServerInterface: verbRow(ServerInterface, 'ServerInterfaces', ATTACHED),
  ServerMigration: verbRow(ServerMigration, 'ServerMigrations', ['list', 'get', 'delete']),
  Migration: verbRow(Migration, 'Migrations', ['list']),
  InstanceAction: verbRow(InstanceAction, 'InstanceActions', ['list', 'get']),
} as const;

/** The verbs generated from {@link computeVerbTable} and the methods of every section. */
export interface ComputeV2
  extends VerbsOfTable<typeof computeVerbTable>,
    ServerSections,
    FlavorExtrasSection,
    KeypairSection,
    SchedulingSection,
    QuotaSection,
    ComputeServiceSection {}

/**
 * Nova: servers and their actions, metadata, tags, interfaces and addresses; flavors, key
 * pairs, server groups, availability zones, limits, quotas, hypervisors, compute services,
 * volume attachments, migrations and instance actions.
 */
export class ComputeV2 extends ServiceProxy {
  constructor(session: Session, opts: ProxyOptions = {}) {
    super(session, computeV2Spec, opts);
    installVerbs(this, this.client, computeVerbTable);
  }
}
mixSections(ComputeV2, [
  ...serverSections,
  FlavorExtrasSection,
  KeypairSection,
  SchedulingSection,
  QuotaSection,
  ComputeServiceSection,
]);
