/** The network v2.0 (neutron) proxy. */
import type { Session } from '../../session/session.js';
import { type ProxyOptions, ServiceProxy } from '../service-proxy.js';
import { networkV2Spec } from '../specs.js';

export class NetworkV2 extends ServiceProxy {
  constructor(session: Session, opts: ProxyOptions = {}) {
    super(session, networkV2Spec, opts);
  }
}
