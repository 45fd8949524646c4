export * from './errors.js';
export { parseServiceMessage } from './service-message.js';
