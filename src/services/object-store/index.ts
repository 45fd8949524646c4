export { ObjectStoreV1 } from './proxy.js';
