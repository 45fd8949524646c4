export { PlacementV1 } from './proxy.js';
