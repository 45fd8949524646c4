/**
 * `ComputeServers`: the servers-only view of the compute proxy, from when {@link ComputeV2}
 * extended it. Kept for callers who construct it or name its type; it is assembled from the
 * same server sections as `ComputeV2` and shares no code path with it otherwise.
 */
import { installVerbs, type VerbsOfTable, verbRow } from '../../resource/index.js';
import type { Session } from '../../session/session.js';
import { mixSections } from '../proxy-sections.js';
import { type ProxyOptions, ServiceProxy } from '../service-proxy.js';
import { computeV2Spec } from '../specs.js';
import { type SchedulerHints, Server, type ServerResource } from './server.js';
import { ServerCoreSection } from './server-core-section.js';
import type { ServerCreateInput } from './server-create.js';
import { ServerGuestSection } from './server-guest-section.js';
import { ServerMetadataSection } from './server-metadata-section.js';
import { type RebuildServerOptions, ServerMovesSection } from './server-moves-section.js';
import { ServerNetworkingSection } from './server-networking-section.js';
import { ServerPowerSection } from './server-power-section.js';
import { ServerTagsSection } from './server-tags-section.js';

/** The generated server verbs; `createServer` and `findServer` are written by hand (server-core.ts). */
export const serverVerbTable = {
  Server: verbRow(Server, 'Servers', ['list', 'get', 'update', 'delete', 'wait']),
} as const;

/** The server sections, in the order `ComputeServers` and `ComputeV2` mix them. */
export const serverSections = [
  ServerCoreSection,
  ServerPowerSection,
  ServerMovesSection,
  ServerGuestSection,
  ServerNetworkingSection,
  ServerMetadataSection,
  ServerTagsSection,
] as const;

/** The methods of every server section (server-core.ts, server-power.ts, ... server-tags.ts). */
export interface ServerSections
  extends ServerCoreSection,
    ServerPowerSection,
    ServerMovesSection,
    ServerGuestSection,
    ServerNetworkingSection,
    ServerMetadataSection,
    ServerTagsSection {}

/** The generated server verbs and the server sections' methods. */
export interface ComputeServers extends VerbsOfTable<typeof serverVerbTable>, ServerSections {}

/** Servers of compute v2.1 and their actions, metadata, tags and addresses; `ComputeV2` has all of it and more. */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: installVerbs and mixSections define the interface's members
export class ComputeServers extends ServiceProxy {
  constructor(session: Session, opts: ProxyOptions = {}) {
    super(session, computeV2Spec, opts);
    installVerbs(this, this.client, serverVerbTable);
  }
}
mixSections(ComputeServers, serverSections);

export type { RebuildServerOptions, SchedulerHints, ServerCreateInput, ServerResource };
