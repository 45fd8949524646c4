import { defineResource, f } from '../../resource/index.js';
import type { IdentityLinks } from './types.js';

/** An entry of `parents` / `subtree` when asked for with `parents_as_list` / `subtree_as_list`. */
export interface ProjectTreeEntry {
  /** The project, as keystone returns it. */
  project: Record<string, unknown>;
}

/**
 * Identity project (`/v3/projects`), including the projects acting as domains (`is_domain`).
 *
 * @example
 * ```ts
 * const project = await conn.identity.createProject({ name: 'team-a', description: 'Team A', domainId: 'default' });
 * const user = await conn.identity.createUser({ name: 'alice', password: 'change-me', defaultProjectId: project.id });
 * const member = await conn.identity.findRole('member');
 * await conn.identity.grantRole({ role: member, user, project });
 * for await (const p of conn.identity.listProjects({ domainId: 'default' })) console.log(p.name, p.enabled);
 * await conn.identity.updateProject(project, { enabled: false });
 * await conn.identity.deleteProject(project);
 * ```
 */
export const Project = defineResource({
  name: 'project',
  basePath: '/projects',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string({ required: true }).always(),
    description: f.string({ nullable: true }),
    domainId: f.string({ api: 'domain_id', createOnly: true, nullable: true }).always(),
    parentId: f.string({ api: 'parent_id', createOnly: true, nullable: true }),
    enabled: f.boolean().always(),
    isDomain: f.boolean({ api: 'is_domain', createOnly: true }),
    tags: f.array<string>(),
    options: f.object<Record<string, unknown>>(),
    parents: f.any<ProjectTreeEntry[] | Record<string, unknown>>().readOnly(),
    subtree: f.any<ProjectTreeEntry[] | Record<string, unknown>>().readOnly(),
    links: f.object<IdentityLinks>().readOnly().always(),
  },
  query: {
    name: 'name',
    domainId: 'domain_id',
    parentId: 'parent_id',
    enabled: 'enabled',
    isDomain: 'is_domain',
    /** Projects carrying all these tags (comma-separated). */
    tags: 'tags',
    /** Projects carrying any of these tags (comma-separated). */
    tagsAny: 'tags-any',
    notTags: 'not-tags',
    notTagsAny: 'not-tags-any',
  },
  commitMethod: 'PATCH',
});
