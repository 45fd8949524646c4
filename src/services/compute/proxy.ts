/** The compute v2.1 (nova) proxy. */
import { ALL_VERBS, type VerbsOf, namedVerbs } from '../../resource/index.js';
import type { Session } from '../../session/session.js';
import { type ProxyOptions, ServiceProxy } from '../service-proxy.js';
import { computeV2Spec } from '../specs.js';
import { Flavor } from './flavor.js';
import { Server } from './server.js';

export interface ComputeV2
  extends VerbsOf<'Server', 'Servers', typeof Server>,
    VerbsOf<'Flavor', 'Flavors', typeof Flavor, 'list' | 'get' | 'find' | 'create' | 'update' | 'delete'> {}

export class ComputeV2 extends ServiceProxy {
  constructor(session: Session, opts: ProxyOptions = {}) {
    super(session, computeV2Spec, opts);
    Object.assign(
      this,
      namedVerbs(this.client, Server, 'Server', 'Servers', ALL_VERBS),
      namedVerbs(this.client, Flavor, 'Flavor', 'Flavors', [
        'list',
        'get',
        'find',
        'create',
        'update',
        'delete',
      ]),
    );
  }
}
