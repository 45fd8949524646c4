/**
 * The instance types of orchestration resources, as the proxy's methods return them (re-exported
 * by ./proxy.ts, where callers import them from).
 */
import type { Resource } from '../../resource/instance.js';
import type { SoftwareConfig } from './software-config.js';
import type { SoftwareDeployment } from './software-deployment.js';
import type { Stack } from './stack.js';
import type { StackEvent } from './stack-event.js';
import type { StackResource } from './stack-resource.js';

/** The fields of a stack. */
export type StackFields = (typeof Stack)['fields'];
/** A stack. */
export type StackInstance = Resource<StackFields>;
/** A resource of a stack. */
export type StackResourceInstance = Resource<(typeof StackResource)['fields']>;
/** An event of a stack. */
export type StackEventInstance = Resource<(typeof StackEvent)['fields']>;
/** A software config. */
export type SoftwareConfigInstance = Resource<(typeof SoftwareConfig)['fields']>;
/** A software deployment. */
export type SoftwareDeploymentInstance = Resource<(typeof SoftwareDeployment)['fields']>;
