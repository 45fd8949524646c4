/**
 * The orchestration v1 (heat) proxy: `conn.orchestration`. Heat addresses a stack as
 * `/stacks/{name}/{id}`: every stack method takes a name, an id, `name/id` or a stack, and looks
 * up the missing half with one request. Heat has no microversions.
 *
 * The class holds the generated verbs (one table) and is assembled from one section per family
 * by {@link mixSections}.
 */
import { installVerbs, type VerbsOfTable, verbRow } from '../../resource/index.js';
import type { Session } from '../../session/session.js';
import { mixSections } from '../proxy-sections.js';
import { type ProxyOptions, ServiceProxy } from '../service-proxy.js';
import { orchestrationV1Spec } from '../specs.js';
import { SoftwareConfig } from './software-config.js';
import { SoftwareDeployment } from './software-deployment.js';
import { SoftwareSection } from './software-section.js';
import { Stack } from './stack.js';
import { StackContentSection } from './stack-content-section.js';
import { StackSection } from './stack-section.js';
import { TemplateSection } from './template-section.js';

export type {
  SoftwareConfigInstance,
  SoftwareDeploymentInstance,
  StackEventInstance,
  StackFields,
  StackInstance,
  StackResourceInstance,
} from './resource-types.js';

/** The generated verbs of `conn.orchestration`, one row per resource (singular → definition, plural, verbs). */
const orchestrationVerbTable = {
  // the other stack verbs are written by hand (StackSection): heat's paths need name and id
  Stack: verbRow(Stack, 'Stacks', ['list']),
  // creates and updates are written by hand (SoftwareSection): heat takes these bodies bare
  SoftwareConfig: verbRow(SoftwareConfig, 'SoftwareConfigs', ['list', 'get', 'delete']),
  SoftwareDeployment: verbRow(SoftwareDeployment, 'SoftwareDeployments', ['list', 'get', 'delete']),
} as const;

/** The verbs generated from {@link orchestrationVerbTable} and the methods of every section. */
export interface OrchestrationV1
  extends VerbsOfTable<typeof orchestrationVerbTable>,
    StackSection,
    StackContentSection,
    TemplateSection,
    SoftwareSection {}

/**
 * Heat: stacks (create, update, preview, check, suspend/resume, abandon, delete, waiters), their
 * resources, events and outputs, template validation, template versions and functions, resource
 * types, software configs and deployments.
 */
export class OrchestrationV1 extends ServiceProxy {
  constructor(session: Session, opts: ProxyOptions = {}) {
    super(session, orchestrationV1Spec, opts);
    installVerbs(this, this.client, orchestrationVerbTable);
  }
}

mixSections(OrchestrationV1, [StackSection, StackContentSection, TemplateSection, SoftwareSection]);
