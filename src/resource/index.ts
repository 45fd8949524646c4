export * from './definition.js';
export * from './field.js';
export * from './instance.js';
export * from './mixins.js';
export * from './operations.js';
export * from './pagination.js';
export { toRequest, validateField } from './serialize.js';
export * from './verbs.js';
export * from './waiters.js';
