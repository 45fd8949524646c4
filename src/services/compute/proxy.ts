/** The compute v2.1 (nova) proxy. */
import { ALL_VERBS, type NamedVerbs, namedVerbs } from '../../resource/index.js';
import type { Session } from '../../session/session.js';
import { type ProxyOptions, ServiceProxy } from '../service-proxy.js';
import { computeV2Spec } from '../specs.js';
import { Flavor } from './flavor.js';
import { Server } from './server.js';

type D<T> = T extends { fields: infer F; query: infer Q } ? [F, Q] : never;
type V<
  S extends string,
  P extends string,
  T,
  Verbs extends import('../../resource/index.js').Verb = import('../../resource/index.js').Verb,
> = NamedVerbs<
  S,
  P,
  D<T>[0] & import('../../resource/index.js').Fields,
  D<T>[1] & Record<string, string>,
  Verbs
>;

export interface ComputeV2
  extends V<'Server', 'Servers', typeof Server>,
    V<'Flavor', 'Flavors', typeof Flavor, 'list' | 'get' | 'find' | 'create' | 'update' | 'delete'> {}

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
