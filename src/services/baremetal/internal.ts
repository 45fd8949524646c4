/** What the bare metal sections share. */
import type { ResourceBase } from '../../resource/instance.js';

/** A resource given by id (uuid, or a name where ironic accepts one) or as a fetched resource. */
export type IdArg = string | ResourceBase<any>;
