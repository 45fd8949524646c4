export type { StackArg, StackIdentity, StackTemplateInput, Template } from './internal.js';
export {
  OrchestrationV1,
  type SoftwareConfigInstance,
  type SoftwareDeploymentInstance,
  type StackEventInstance,
  type StackFields,
  type StackInstance,
  type StackResourceInstance,
} from './proxy.js';
export { SoftwareConfig, type SoftwareConfigIo } from './software-config.js';
export { DEPLOYMENT_FAILURE_STATUSES, SoftwareDeployment } from './software-deployment.js';
export type { SoftwareSection } from './software-section.js';
export { STACK_FAILED_STATUSES, Stack, type StackOutputValue } from './stack.js';
export type { StackContentSection, StackOutput } from './stack-content-section.js';
export { StackEvent } from './stack-event.js';
export { StackResource } from './stack-resource.js';
export type {
  CreateStackInput,
  PreviewResource,
  StackSection,
  StackUpdatePreview,
  UpdateStackInput,
} from './stack-section.js';
export type {
  ResourceTypeQuery,
  ResourceTypeSchema,
  ResourceTypeSummary,
  TemplateFunction,
  TemplateSection,
  TemplateValidation,
  TemplateVersion,
} from './template-section.js';
export { type FailedStackResource, StackFailureError } from './waits.js';
