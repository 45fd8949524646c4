export * from './env.js';
export * from './files.js';
export * from './load.js';
export * from './locations.js';
export * from './normalize.js';
export * from './services.js';
export * from './types.js';
