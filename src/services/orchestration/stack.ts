import { defineResource, f } from '../../resource/index.js';

/** One output of a stack as `GET /stacks/{name}/{id}` shows it. */
export interface StackOutputValue {
  /** The output's name in the template's `outputs`. */
  output_key: string;
  /** The value heat computed for it (see `output_error` when it could not). */
  output_value?: unknown;
  /** The output's description in the template. */
  description?: string;
  /** Why heat could not compute the value (the output of a failed resource). */
  output_error?: string;
}

/**
 * A heat stack (`/stacks`): a template instantiated with parameters. Heat addresses a stack as
 * `/stacks/{name}/{id}`; the proxy's methods take a name, an id, `name/id` or a stack and look
 * the other half up. Created, updated and deleted by hand-written methods (the bodies differ
 * from the representation: `template`, `environment`, `files` go in, never come back).
 */
export const Stack = defineResource({
  name: 'stack',
  basePath: '/stacks',
  fields: {
    id: f.string({ readOnly: true }).always(),
    /** The stack's name, unique in the project; `stack_name` in the API. */
    name: f.string({ api: 'stack_name', readOnly: true }).always(),
    description: f.string({ readOnly: true }),
    /** `<ACTION>_<STATE>`, e.g. `CREATE_IN_PROGRESS`, `UPDATE_COMPLETE`, `CHECK_FAILED`. */
    status: f.string({ api: 'stack_status', readOnly: true }).always(),
    /** Heat's explanation of the status (for a failure, the failing resource and its error). */
    statusReason: f.string({ api: 'stack_status_reason', readOnly: true }).always().returnsNull(),
    creationTime: f.date({ api: 'creation_time', readOnly: true }).always(),
    updatedTime: f.date({ api: 'updated_time', readOnly: true }).returnsNull(),
    deletionTime: f.date({ api: 'deletion_time', readOnly: true }).returnsNull(),
    /** The parameter values, heat's pseudo-parameters (`OS::stack_id`, ...) included (show only). */
    parameters: f.object<Record<string, unknown>>().readOnly(),
    /** The outputs with their values (show only; list them without values with `listStackOutputs`). */
    outputs: f.array<StackOutputValue>().readOnly(),
    templateDescription: f.string({ api: 'template_description', readOnly: true }),
    /** True when a failed create or update is left as it is instead of rolled back. */
    disableRollback: f.boolean({ api: 'disable_rollback', readOnly: true }),
    /** Minutes heat gives a create or update before failing it (null: no limit). */
    timeoutMins: f.integer({ api: 'timeout_mins', readOnly: true }).returnsNull(),
    tags: f.array<string>().readOnly().returnsNull(),
    capabilities: f.array<unknown>().readOnly(),
    notificationTopics: f.array<string>({ api: 'notification_topics' }).readOnly(),
    /** The user name that created the stack. */
    stackOwner: f.string({ api: 'stack_owner', readOnly: true }).returnsNull(),
    /** The id of the parent stack of a nested stack, else null. */
    parent: f.string({ readOnly: true }).returnsNull(),
    /** The project heat made in its stack user domain for this stack's users. */
    stackUserProjectId: f.string({ api: 'stack_user_project_id', readOnly: true }),
    links: f.array<{ rel: string; href: string }>().readOnly(),
  },
  query: {
    name: 'name',
    status: 'status',
    action: 'action',
    tags: 'tags',
    tagsAny: 'tags_any',
    notTags: 'not_tags',
    notTagsAny: 'not_tags_any',
    showDeleted: 'show_deleted',
    showNested: 'show_nested',
    showHidden: 'show_hidden',
    globalTenant: 'global_tenant',
    sortKeys: 'sort_keys',
    sortDir: 'sort_dir',
  },
  pagination: 'marker',
  allow: { create: false, commit: false, delete: false },
});

/** Every `*_FAILED` status of a stack. */
export const STACK_FAILED_STATUSES = [
  'CREATE_FAILED',
  'UPDATE_FAILED',
  'DELETE_FAILED',
  'SUSPEND_FAILED',
  'RESUME_FAILED',
  'CHECK_FAILED',
  'ROLLBACK_FAILED',
  'ADOPT_FAILED',
  'SNAPSHOT_FAILED',
  'RESTORE_FAILED',
] as const;
