// A Connection to a local stub server, for the plain-JS bench scripts (request-cost.mjs,
// list-memory.mjs): a fixed admin token and the stub's endpoints, no clouds.yaml or OS_*.

/**
 * @param {new (o: object) => object} Connection - the class, from the build under test
 * @param {Record<string, string>} endpoints - `<service>_endpoint_override` settings
 * @param {string | undefined} transport - `undici`, `node` or `fetch`; the SDK's default when unset
 */
export function stubConnection(Connection, endpoints, transport) {
  return new Connection({
    ...(transport ? { transport } : {}),
    env: {},
    config: { auth_type: 'admin_token', auth: { token: 'stub-token' }, ...endpoints },
  });
}
