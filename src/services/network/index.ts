export { NetworkV2 } from './proxy.js';
