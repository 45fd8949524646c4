export { Flavor } from './flavor.js';
export { ComputeV2 } from './proxy.js';
export { type BlockDeviceMapping, Server, type ServerAddress, type ServerNetworkRequest } from './server.js';
