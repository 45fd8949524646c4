/**
 * The cloud layer: compound tasks over several calls. Object storage: upload a directory
 * tree, download a container.
 */

// --- servers, networks, security groups, search, project cleanup (conn.cloud)
export type { CloudConnection } from './cloud-connection.js';
export { CloudLayer } from './cloud-layer.js';
export {
  bootVolumeSize,
  type CreatedServer,
  type CreateServerOptions,
  type CreateServerProgress,
  type CreateServerStage,
  createServer,
} from './create-server.js';
export type { CleanupFailure, CloudResourceType, CreatedResource } from './created.js';
export { type DeleteServerOptions, type DeleteServerResult, deleteServer } from './delete-server.js';
export type {
  FileTransferResult,
  TransferProgress,
  TransferSummary,
} from './directory-transfer.js';
export { type DownloadContainerOptions, downloadContainer } from './download-container.js';
export {
  attachFloatingIp,
  type FloatingIpResult,
  findFloatingIp,
  findOrCreateFloatingIp,
  serverFloatingIps,
} from './floating-ip.js';
export { type GetOrCreateKeypairOptions, getOrCreateKeypair, type KeypairResult } from './keypair.js';
export {
  type CreatedLoadBalancer,
  type CreateLoadBalancerOptions,
  type CreateLoadBalancerStage,
  createLoadBalancer,
  type LoadBalancerListenerSpec,
  type LoadBalancerMemberSpec,
  type LoadBalancerMonitorSpec,
  type LoadBalancerPoolSpec,
} from './load-balancer.js';
export { type GetOrCreateNetworkOptions, getOrCreateNetwork, type NetworkSetup } from './network.js';
export { fileMatchesLayout, md5OfFileRange } from './object-compare.js';
export {
  CLEANUP_ORDER,
  type CleanupAction,
  type CleanupFilters,
  type CleanupResourceType,
  type ProjectCleanupOptions,
  type ProjectCleanupResult,
  projectCleanup,
} from './project-cleanup.js';
export {
  currentProjectId,
  type FlavorSpec,
  resolveExternalNetwork,
  resolveFlavor,
  resolveImage,
  resolveServerNetwork,
} from './resolve.js';
export type * from './resources.js';
export {
  type ImageFilters,
  type NameMatch,
  type NetworkFilters,
  type ServerFilters,
  searchImages,
  searchNetworks,
  searchServers,
  searchVolumes,
  type VolumeFilters,
} from './search.js';
export {
  type GetOrCreateSecurityGroupOptions,
  getOrCreateSecurityGroup,
  type SecurityGroupResult,
  type SecurityGroupRuleSpec,
  SSH_AND_ICMP_RULES,
} from './security-group.js';
export { type ServerIps, serverIps } from './server-addresses.js';
export type { ReachableOptions, ReachedAddress } from './server-reachable.js';
export { DEFAULT_SEGMENT_SIZE, type UploadDirectoryOptions, uploadDirectory } from './upload-directory.js';
export {
  type AttachedVolume,
  type AttachVolumeOptions,
  attachVolume,
  type DetachedVolume,
  type DetachVolumeOptions,
  detachVolume,
  type VolumeAttachConnection,
} from './volume-attach.js';
