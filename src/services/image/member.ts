import { defineResource, f } from '../../resource/index.js';

/** The states of an image membership: the member project accepts or rejects a shared image. */
export const MEMBER_STATUSES = ['pending', 'accepted', 'rejected'] as const;
/** Where a sharing stands for the member project. */
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/**
 * Image members (`/v2/images/{image_id}/members`): projects an image with visibility
 * `shared` is offered to. The owner adds and removes members; the member project accepts
 * or rejects with an update of `status`.
 */
export const Member = defineResource({
  name: 'image member',
  basePath: '/images/{image_id}/members',
  resourceKey: null,
  resourcesKey: 'members',
  idField: 'memberId',
  fields: {
    imageId: f.string({ api: 'image_id', location: 'uri' }),
    /** The project to share with (create input; the response names it `member_id`). */
    member: f.string({ required: true, createOnly: true }),
    memberId: f.string({ api: 'member_id', readOnly: true }).always(),
    status: f.enum(MEMBER_STATUSES).always(),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).always(),
    schema: f.string({ readOnly: true }).always(),
  },
  pagination: 'none',
});
