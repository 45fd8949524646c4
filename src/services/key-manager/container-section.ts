/**
 * The container methods of `conn.keyManager`: create (naming the secrets it holds), get,
 * list, delete; add or remove a secret of a generic container; register, list and remove
 * consumers.
 */
import { ValidationError } from '../../errors/errors.js';
import type { CreateAttributes } from '../../resource/field.js';
import { type DeleteOptions, deletePath, type ListQuery } from '../../resource/operations.js';
import type { ResourceList } from '../../resource/pagination.js';
import { toRequest } from '../../resource/serialize.js';
import type { RequestOptions } from '../../session/request-options.js';
import type { ServiceClient } from '../../session/service-client.js';
import { ServiceProxy } from '../service-proxy.js';
import { Container, type ContainerConsumer, ContainerConsumerEntry } from './container.js';
import { entityOf, listEntities } from './entities.js';
import { type RefArg, refSegment } from './refs.js';
import type { ContainerConsumerResource, ContainerResource } from './resource-types.js';

/** What {@link ContainerSection.createContainer} takes. */
export type ContainerCreate = CreateAttributes<(typeof Container)['fields']> & {
  /**
   * The secrets it holds, by their name in the container (`{ private_key: secret, ... }` for
   * `rsa` and `certificate` containers, any names for `generic` ones): each a secret's uuid,
   * ref or resource.
   */
  secrets?: Record<string, RefArg>;
};

/** A consumer's name and URL, checked before anything is sent. */
function consumerBody(consumer: ContainerConsumer): ContainerConsumer {
  for (const k of ['name', 'URL'] as const) {
    const v = consumer?.[k];
    if (typeof v !== 'string' || v === '') {
      throw new ValidationError(`is required (got ${v === '' ? 'an empty string' : typeof v})`, {
        field: `consumer.${k}`,
        fix: "pass { name: 'my-service', URL: 'https://.../the/consuming/resource' }",
      });
    }
  }
  return { name: consumer.name, URL: consumer.URL };
}

/** The URL barbican wants for a secret in a container body (it refuses a bare uuid). */
async function secretRefOf(client: ServiceClient, secret: RefArg, opts: RequestOptions): Promise<string> {
  const seg = refSegment('secret', secret);
  return `${(await client.baseUrl(opts.signal)).replace(/\/+$/, '')}/secrets/${seg}`;
}

/** Containers of secrets and their consumers (a section of `conn.keyManager`, never constructed). */
export abstract class ContainerSection extends ServiceProxy {
  /**
   * Create a container; returns it fetched again (with its status and refs).
   *
   * @example
   * ```ts
   * const cert = await conn.keyManager.createSecret({ name: 'cert', payload: '-----BEGIN CERTIFICATE-----...' });
   * const key = await conn.keyManager.createSecret({ name: 'key', payload: '-----BEGIN PRIVATE KEY-----...' });
   * const tls = await conn.keyManager.createContainer({
   *   name: 'www-tls',
   *   type: 'certificate',
   *   secrets: { certificate: cert, private_key: key },
   * });
   * console.log(tls.secretRefs.map((r) => r.name)); // [ 'certificate', 'private_key' ]
   * ```
   */
  async createContainer(input: ContainerCreate, opts: RequestOptions = {}): Promise<ContainerResource> {
    if (input === undefined || input === null || typeof input !== 'object') {
      throw new ValidationError(
        `the container's attributes are required (got ${input === null ? 'null' : typeof input})`,
        {
          field: 'container attributes',
          fix: "pass an object, e.g. { name, type: 'generic', secrets: { a: secret } }",
        },
      );
    }
    const { secrets, ...described } = input;
    const body = toRequest(Container, described as Record<string, unknown>, 'create', this.client).body;
    if (
      secrets !== undefined &&
      (secrets === null || typeof secrets !== 'object' || Array.isArray(secrets))
    ) {
      throw new ValidationError('must be an object of secrets by name', {
        field: 'secrets',
        fix: '{ private_key: secretOrRef, public_key: secretOrRef }',
      });
    }
    const refs: { name: string; secret_ref: string }[] = [];
    for (const [name, secret] of Object.entries(secrets ?? {})) {
      try {
        refs.push({ name, secret_ref: await secretRefOf(this.client, secret, opts) });
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
        throw new ValidationError(`needs a secret's uuid, ref or resource (got ${typeof secret})`, {
          field: `secrets.${name}`,
          fix: 'pass the secret (or its uuid or ref) to hold under that name',
        });
      }
    }
    const doc = await this.client.decode(
      'POST',
      '/containers',
      { json: { ...body, secret_refs: refs } },
      opts,
    );
    return this.getContainer(doc.key('container_ref', 'string') as string, opts);
  }

  /** One container. */
  async getContainer(container: RefArg, opts: RequestOptions = {}): Promise<ContainerResource> {
    const doc = await this.client.decode(
      'GET',
      `/containers/${refSegment('container', container)}`,
      {},
      opts,
    );
    return entityOf(Container, this.client, doc, 'container_ref');
  }

  /** The containers the caller may see, lazily, page by page. */
  listContainers(
    query: ListQuery<(typeof Container)['query']> = {},
    opts: RequestOptions = {},
  ): ResourceList<ContainerResource> {
    return listEntities(this.client, Container, 'container_ref', query, opts);
  }

  /** Delete a container (the secrets it names stay); `ignoreMissing` makes a 404 success. */
  async deleteContainer(container: RefArg, opts: DeleteOptions = {}): Promise<void> {
    await deletePath(this.client, `/containers/${refSegment('container', container)}`, opts);
  }

  /**
   * Add a secret to a generic container under `name` (barbican refuses it for rsa and certificate
   * containers, whose contents are fixed at creation).
   */
  async addContainerSecret(
    container: RefArg,
    name: string,
    secret: RefArg,
    opts: RequestOptions = {},
  ): Promise<void> {
    const seg = refSegment('container', container);
    const json = { name, secret_ref: await secretRefOf(this.client, secret, opts) };
    await this.client.decode('POST', `/containers/${seg}/secrets`, { json }, opts);
  }

  /** Remove a secret from a generic container (the secret itself stays). */
  async removeContainerSecret(
    container: RefArg,
    name: string,
    secret: RefArg,
    opts: RequestOptions = {},
  ): Promise<void> {
    const seg = refSegment('container', container);
    const json = { name, secret_ref: await secretRefOf(this.client, secret, opts) };
    const res = await this.client.request('DELETE', `/containers/${seg}/secrets`, { json }, opts);
    await res.body.dump();
  }

  /**
   * Register a consumer of a container; returns the container with its consumers.
   *
   * @example
   * ```ts
   * const tls = await conn.keyManager.getContainer('http://127.0.0.1:9311/v1/containers/5c1b...');
   * await conn.keyManager.addContainerConsumer(tls, { name: 'lb', URL: 'https://lb.example/listeners/1' });
   * for await (const c of conn.keyManager.listContainerConsumers(tls)) console.log(c.name, c.URL);
   * ```
   */
  async addContainerConsumer(
    container: RefArg,
    consumer: ContainerConsumer,
    opts: RequestOptions = {},
  ): Promise<ContainerResource> {
    const seg = refSegment('container', container);
    const doc = await this.client.decode(
      'POST',
      `/containers/${seg}/consumers`,
      { json: consumerBody(consumer) },
      opts,
    );
    return entityOf(Container, this.client, doc, 'container_ref');
  }

  /** The consumers of a container, lazily. */
  listContainerConsumers(
    container: RefArg,
    query: { limit?: number; offset?: number } = {},
    opts: RequestOptions = {},
  ): ResourceList<ContainerConsumerResource> {
    const path = `/containers/${refSegment('container', container)}/consumers`;
    const { offset, ...rest } = query;
    return listEntities(
      this.client,
      ContainerConsumerEntry,
      undefined,
      { ...rest, $raw: offset === undefined ? {} : { offset } },
      {
        ...opts,
        path,
      },
    );
  }

  /** Remove a consumer registration (the same name and URL as registered). */
  async removeContainerConsumer(
    container: RefArg,
    consumer: ContainerConsumer,
    opts: RequestOptions = {},
  ): Promise<void> {
    const seg = refSegment('container', container);
    const res = await this.client.request(
      'DELETE',
      `/containers/${seg}/consumers`,
      { json: consumerBody(consumer) },
      opts,
    );
    await res.body.dump();
  }
}
