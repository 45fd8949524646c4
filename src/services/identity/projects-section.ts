/** The identity proxy's project section: project tags, and the projects and domains a token may scope to. */
import {
  listResources,
  type RequestOptions,
  type Resource,
  type ResourceList,
  requireId,
  TagsMixin,
  type VerbOptions,
} from '../../resource/index.js';
import type { ServiceClient } from '../../session/service-client.js';
import { ServiceProxy } from '../service-proxy.js';
import { Domain } from './domain.js';
import { Project } from './project.js';
import type { IdRef } from './types.js';

/** Project tags (`/projects/{id}/tags/{tag}`) on a client. */
function projectTags(client: ServiceClient): TagsMixin {
  return new TagsMixin(client, '/projects');
}

/** Project tags and the scopes a token may take (a section of `IdentityV3`, `conn.identity`). */
export abstract class ProjectSection extends ServiceProxy {
  /**
   * Tags of a project.
   *
   * @example
   * ```ts
   * const project = await conn.identity.findProject('team-a');
   * await conn.identity.addProjectTag(project, 'cost-center-42');
   * if (await conn.identity.checkProjectTag(project, 'cost-center-42')) console.log(await conn.identity.listProjectTags(project));
   * ```
   */
  listProjectTags(project: IdRef, opts: RequestOptions = {}): Promise<string[]> {
    return projectTags(this.client).list(requireId('project', project, 'project'), opts);
  }

  /** Replace all tags of a project; resolves with the tags keystone stored. */
  setProjectTags(project: IdRef, tags: string[], opts: RequestOptions = {}): Promise<string[]> {
    return projectTags(this.client).set(requireId('project', project, 'project'), tags, opts);
  }

  /** Add one tag to a project (no error when it is already there). */
  addProjectTag(project: IdRef, tag: string, opts: RequestOptions = {}): Promise<void> {
    return projectTags(this.client).add(requireId('project', project, 'project'), tag, opts);
  }

  /** Remove one tag from a project (404 → NotFoundError when it is not there). */
  removeProjectTag(project: IdRef, tag: string, opts: RequestOptions = {}): Promise<void> {
    return projectTags(this.client).remove(requireId('project', project, 'project'), tag, opts);
  }

  /** Whether a project carries a tag. */
  checkProjectTag(project: IdRef, tag: string, opts: RequestOptions = {}): Promise<boolean> {
    return projectTags(this.client).has(requireId('project', project, 'project'), tag, opts);
  }

  /** Remove every tag of a project. */
  clearProjectTags(project: IdRef, opts: RequestOptions = {}): Promise<void> {
    return projectTags(this.client).clear(requireId('project', project, 'project'), opts);
  }

  /**
   * Projects the current token may be scoped to (`GET /v3/auth/projects`): what a user
   * without admin rights sees as "my projects".
   *
   * @example
   * ```ts
   * // what a user without admin rights can scope a token to
   * for await (const p of conn.identity.listAvailableProjects()) console.log(p.id, p.name);
   * ```
   */
  listAvailableProjects(opts: VerbOptions = {}): ResourceList<Resource<(typeof Project)['fields']>> {
    return listResources(this.client, Project, {}, { ...opts, path: '/auth/projects' });
  }

  /** Domains the current token may be scoped to (`GET /v3/auth/domains`). */
  listAvailableDomains(opts: VerbOptions = {}): ResourceList<Resource<(typeof Domain)['fields']>> {
    return listResources(this.client, Domain, {}, { ...opts, path: '/auth/domains' });
  }
}
