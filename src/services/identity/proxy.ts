/** The identity v3 (keystone) proxy. */
import type { Session } from '../../session/session.js';
import { type ProxyOptions, ServiceProxy } from '../service-proxy.js';
import { identityV3Spec } from '../specs.js';

export class IdentityV3 extends ServiceProxy {
  constructor(session: Session, opts: ProxyOptions = {}) {
    super(session, identityV3Spec, opts);
  }
}
