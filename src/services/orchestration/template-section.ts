/** Templates and resource types (a section of `conn.orchestration`, never constructed). */
import { ValidationError } from '../../errors/errors.js';
import { type RequestOptions, requireId } from '../../resource/index.js';
import { ServiceProxy } from '../service-proxy.js';
import { type StackTemplateInput, templateBody } from './internal.js';

/** A template's description and parameters as heat read them (`validateTemplate`). */
export interface TemplateValidation {
  /** The template's `description`. */
  description?: string;
  /** Each parameter's schema: `Type`, `Default`, `Description`, `Label`, `NoEcho`, `Constraints`. */
  parameters: Record<string, Record<string, unknown>>;
  /** The template's `parameter_groups` (each a `label`, `description` and `parameters` list). */
  parameterGroups?: unknown[];
  /** The environment as heat merged it (when one was given). */
  environment?: Record<string, unknown>;
}

/** A template version heat understands (`heat_template_version` or `AWSTemplateFormatVersion`). */
export interface TemplateVersion {
  /** E.g. `heat_template_version.2018-08-31`. */
  version: string;
  /** `hot` or `cfn`. */
  type: string;
  /** Other names of the same version (e.g. `heat_template_version.rocky`). */
  aliases?: string[];
}

/** An intrinsic function of a template version (`get_param`, `str_replace`, ...). */
export interface TemplateFunction {
  /** The function's name, e.g. `get_param` (heat calls the key `functions`). */
  functions: string;
  /** What the function does, as heat describes it. */
  description: string;
}

/** A resource type with its description (`listResourceTypes({ withDescription: true })`). */
export interface ResourceTypeSummary {
  /** The type's name, e.g. `OS::Nova::Server`. */
  resourceType: string;
  /** What the type is, as heat describes it; only with `withDescription`. */
  description?: string;
}

/** The schema of a resource type (`getResourceType`). */
export interface ResourceTypeSchema {
  /** The type's name, e.g. `OS::Nova::Server`. */
  resourceType: string;
  /** Each property's schema (type, required, update_allowed, constraints, ...). */
  properties: Record<string, Record<string, unknown>>;
  /** Each attribute's description and type. */
  attributes: Record<string, Record<string, unknown>>;
  /** Heat's support status of the type: `status` (`SUPPORTED`, `DEPRECATED`, ...), `version`, `message`, ... */
  supportStatus?: Record<string, unknown>;
  /** What the type is, as heat describes it. */
  description?: string;
}

/** Filters of {@link TemplateSection.listResourceTypes}. */
export interface ResourceTypeQuery {
  /** A name pattern (regular expression), e.g. `OS::Neutron::.*`. */
  name?: string;
  /** Types available since this heat version. */
  version?: string;
  /** `SUPPORTED`, `DEPRECATED`, `UNSUPPORTED`, `HIDDEN`. */
  supportStatus?: string;
  /** Answer each type with its description (otherwise names only). */
  withDescription?: boolean;
}

/** Template validation, versions and functions, resource types. */
export abstract class TemplateSection extends ServiceProxy {
  /**
   * Validate a template (with its parameters and environment) without creating anything; heat
   * answers 400 (`BadRequestError`, with heat's reason) for an invalid one.
   *
   * @example
   * ```ts
   * const v = await conn.orchestration.validateTemplate({
   *   template: 'heat_template_version: 2018-08-31\nparameters:\n  size: {type: number, default: 1}\n',
   * });
   * console.log(Object.keys(v.parameters));
   * ```
   */
  async validateTemplate(
    input: StackTemplateInput & { showNested?: boolean; ignoreErrors?: string },
    opts: RequestOptions = {},
  ): Promise<TemplateValidation> {
    if (typeof input !== 'object' || input === null) {
      throw new ValidationError('the template to validate is required', {
        field: 'template',
        fix: 'pass { template }',
      });
    }
    const query: Record<string, string> = {};
    if (input.showNested) query.show_nested = 'true';
    if (input.ignoreErrors) query.ignore_errors = input.ignoreErrors;
    const body = templateBody('template', input);
    const doc = (await this.client.decode('POST', '/validate', { json: body, query }, opts)).object();
    const out: TemplateValidation = {
      parameters: (doc.Parameters ?? {}) as TemplateValidation['parameters'],
    };
    if (typeof doc.Description === 'string') out.description = doc.Description;
    if (Array.isArray(doc.ParameterGroups)) out.parameterGroups = doc.ParameterGroups;
    if (doc.Environment && typeof doc.Environment === 'object')
      out.environment = doc.Environment as Record<string, unknown>;
    return out;
  }

  /** The template versions heat understands. */
  async listTemplateVersions(opts: RequestOptions = {}): Promise<TemplateVersion[]> {
    const doc = await this.client.decode('GET', '/template_versions', {}, opts);
    return doc.rows('template_versions') as unknown as TemplateVersion[];
  }

  /** The functions of a template version (`heat_template_version.2018-08-31`). */
  async listTemplateFunctions(
    version: string,
    opts: RequestOptions & { withCondition?: boolean } = {},
  ): Promise<TemplateFunction[]> {
    requireId('template version', version, 'version', 'version');
    const query = opts.withCondition ? { with_condition_func: 'true' } : undefined;
    const path = `/template_versions/${encodeURIComponent(version)}/functions`;
    const doc = await this.client.decode('GET', path, { query }, opts);
    return doc.rows('template_functions') as unknown as TemplateFunction[];
  }

  /** The resource types a template may use (`OS::Nova::Server`, ...). */
  async listResourceTypes(
    query: ResourceTypeQuery = {},
    opts: RequestOptions = {},
  ): Promise<ResourceTypeSummary[]> {
    const q: Record<string, string> = {};
    if (query.name) q.name = query.name;
    if (query.version) q.version = query.version;
    if (query.supportStatus) q.support_status = query.supportStatus;
    if (query.withDescription) q.with_description = 'true';
    const doc = await this.client.decode('GET', '/resource_types', { query: q }, opts);
    const rows = doc.key('resource_types', 'array') as unknown[];
    return rows.map((r) =>
      typeof r === 'string'
        ? { resourceType: r }
        : {
            resourceType: String((r as Record<string, unknown>).resource_type),
            description: (r as Record<string, unknown>).description as string | undefined,
          },
    );
  }

  /** The properties and attributes of a resource type. */
  async getResourceType(type: string, opts: RequestOptions = {}): Promise<ResourceTypeSchema> {
    requireId('resource type', type, 'type', 'name');
    const doc = (
      await this.client.decode('GET', `/resource_types/${encodeURIComponent(type)}`, {}, opts)
    ).object();
    const out: ResourceTypeSchema = {
      resourceType: String(doc.resource_type),
      properties: (doc.properties ?? {}) as ResourceTypeSchema['properties'],
      attributes: (doc.attributes ?? {}) as ResourceTypeSchema['attributes'],
    };
    if (doc.support_status && typeof doc.support_status === 'object') {
      out.supportStatus = doc.support_status as Record<string, unknown>;
    }
    if (typeof doc.description === 'string') out.description = doc.description;
    return out;
  }

  /** A template that uses a resource type with every property as a parameter (`hot` or `cfn`). */
  async getResourceTypeTemplate(
    type: string,
    templateType: 'hot' | 'cfn' = 'hot',
    opts: RequestOptions = {},
  ): Promise<Record<string, unknown>> {
    requireId('resource type', type, 'type', 'name');
    const path = `/resource_types/${encodeURIComponent(type)}/template`;
    return (await this.client.decode('GET', path, { query: { template_type: templateType } }, opts)).object();
  }
}
