export { BlockStorageV3 } from './proxy.js';
