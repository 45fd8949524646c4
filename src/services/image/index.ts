export { ImageV2 } from './proxy.js';
