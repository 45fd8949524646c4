export { IdentityV3 } from './proxy.js';
