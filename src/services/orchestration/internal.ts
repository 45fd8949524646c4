/**
 * Shared by the orchestration sections: how a stack argument becomes heat's `/stacks/{name}/{id}`
 * path, and the typed input of stack creates and updates.
 * @internal
 */
import { InvalidResponseError, ValidationError } from '../../errors/errors.js';
import { describeValue } from '../../resource/ids.js';
import { decodeJson } from '../../session/decode.js';
import type { RequestOptions } from '../../session/request-options.js';
import type { ServiceClient } from '../../session/service-client.js';

/**
 * A stack as the orchestration methods take it: its name, its id, `name/id`, or an object with
 * `name` and `id` (a stack the SDK returned). A name or id alone costs one lookup request.
 */
export type StackArg = string | { readonly id?: string | null; readonly name?: string | null };

/** Heat's two halves of a stack's address. */
export interface StackIdentity {
  /** The stack's name. */
  name: string;
  /** The stack's id (a UUID heat assigned). */
  id: string;
}

const LOCATION = /\/stacks\/([^/?#]+)\/([^/?#]+)/;

function badStack(x: unknown): ValidationError {
  return new ValidationError(`a stack name, id or stack is required (got ${describeValue(x)})`, {
    field: 'stack',
    fix: "pass the stack's name, its id, 'name/id', or the stack object",
  });
}

/** The path of a stack, `/stacks/{name}/{id}`. */
export function stackPathOf(s: StackIdentity): string {
  return `/stacks/${encodeURIComponent(s.name)}/${encodeURIComponent(s.id)}`;
}

/** Checks a stack argument before anything is sent; answers the identity when it is complete. */
export function knownIdentity(stack: StackArg): StackIdentity | undefined {
  if (typeof stack === 'string') {
    if (stack === '' || stack.startsWith('/') || stack.endsWith('/')) throw badStack(stack);
    const i = stack.indexOf('/');
    if (i < 0) return undefined;
    if (stack.indexOf('/', i + 1) >= 0) throw badStack(stack);
    return { name: stack.slice(0, i), id: stack.slice(i + 1) };
  }
  if (typeof stack !== 'object' || stack === null) throw badStack(stack);
  const { id, name } = stack;
  if (typeof id === 'string' && id && typeof name === 'string' && name) return { name, id };
  if (typeof id === 'string' && id) return undefined;
  throw badStack(stack);
}

/**
 * Heat's name and id of a stack. A name or an id alone is looked up with `GET /stacks/{x}`,
 * which heat answers with a redirect to `/stacks/{name}/{id}` (a browser follows it and gets
 * the stack itself: both are understood).
 */
export async function resolveStack(
  client: ServiceClient,
  stack: StackArg,
  opts: RequestOptions = {},
): Promise<StackIdentity> {
  const known = knownIdentity(stack);
  if (known) return known;
  const key = typeof stack === 'string' ? stack : (stack.id as string);
  const res = await client.request(
    'GET',
    `/stacks/${encodeURIComponent(key)}`,
    { okStatuses: [200, 301, 302, 303, 307], buffer: true },
    opts,
  );
  if (res.status !== 200) {
    await res.body.dump();
    const m = LOCATION.exec(res.headers.location ?? '');
    if (!m) {
      throw new InvalidResponseError({
        reason: 'unexpected-status',
        method: 'GET',
        url: `/stacks/${encodeURIComponent(key)}`,
        status: res.status,
        requestId: res.headers['x-openstack-request-id'],
        detail: `a redirect without a /stacks/{name}/{id} location for stack ${key}`,
      });
    }
    return { name: decodeURIComponent(m[1]!), id: decodeURIComponent(m[2]!) };
  }
  const s = (await decodeJson(res)).resource('stack');
  if (typeof s.stack_name !== 'string' || typeof s.id !== 'string') {
    throw new InvalidResponseError({
      reason: 'missing-key',
      method: 'GET',
      url: `/stacks/${encodeURIComponent(key)}`,
      status: res.status,
      requestId: res.headers['x-openstack-request-id'],
      detail: `the stack has no stack_name and id`,
    });
  }
  return { name: s.stack_name, id: s.id };
}

/** A template: the document as a string (YAML or JSON) or as an object. */
export type Template = string | Record<string, unknown>;

/** What a stack is made from, for create, update, preview and validate. */
export interface StackTemplateInput {
  /** The template (YAML/JSON text or an object); this or `templateUrl`. */
  template?: Template;
  /** A URL heat fetches the template from; this or `template`. */
  templateUrl?: string;
  /** Parameter values by parameter name. */
  parameters?: Record<string, unknown>;
  /** An environment (YAML/JSON text or an object: `parameters`, `parameter_defaults`, `resource_registry`, ...). */
  environment?: Template;
  /** Contents of the files the template and environment refer to (`get_file`, nested templates), by the name they use. */
  files?: Record<string, string>;
  /** Names, in `files`, of environments heat merges in this order before `environment`. */
  environmentFiles?: string[];
}

/** The body of a create/update/preview/validate from its typed input (checked before sending). */
export function templateBody(
  what: string,
  input: StackTemplateInput,
  requireTemplate = true,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (input.template !== undefined) {
    if (
      typeof input.template !== 'string' &&
      (typeof input.template !== 'object' || input.template === null)
    ) {
      throw new ValidationError(
        `the template must be a string or an object (got ${describeValue(input.template)})`,
        {
          field: `${what}.template`,
          fix: 'pass the template text (YAML or JSON) or the parsed template',
        },
      );
    }
    body.template = input.template;
  }
  if (input.templateUrl !== undefined) body.template_url = input.templateUrl;
  if (requireTemplate && body.template === undefined && body.template_url === undefined) {
    throw new ValidationError('a template is required', {
      field: `${what}.template`,
      fix: 'pass template (its text or object) or templateUrl',
    });
  }
  if (body.template !== undefined && body.template_url !== undefined) {
    throw new ValidationError('template and templateUrl exclude each other', {
      field: `${what}.templateUrl`,
      fix: 'pass one of them',
    });
  }
  if (input.parameters !== undefined) body.parameters = input.parameters;
  if (input.environment !== undefined) body.environment = input.environment;
  if (input.files !== undefined) body.files = input.files;
  if (input.environmentFiles !== undefined) body.environment_files = input.environmentFiles;
  return body;
}
