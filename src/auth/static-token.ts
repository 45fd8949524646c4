/**
 * `auth_type: admin_token` and `none`: no identity service; endpoints come from
 * `<service>_endpoint_override` (or `endpoint`), and admin_token sends a fixed token.
 */
import type { HttpClient } from '../transport/http-client.js';
import type { AccessInfo } from './access-info.js';
import type { AuthPlugin } from './plugin.js';

/**
 * A fixed token (`admin_token`) or none at all (`none`, for services without keystone): nothing to re-authenticate.
 */
export class StaticTokenAuth implements AuthPlugin {
  readonly canReauthenticate = false;
  constructor(
    readonly authType: 'admin_token' | 'none',
    private readonly token?: string,
  ) {}
  async getAccess(_http: HttpClient): Promise<AccessInfo> {
    return { token: this.token ?? '', catalog: [], roles: [], methods: [], unscoped: true, raw: {} };
  }
  invalidate(): void {}
}
