/**
 * Application credentials: a secret for a program, so it does not need your password. Creates
 * one for the current user (reader role only, expiring in an hour), connects with it (auth
 * type v3applicationcredential, the same keys a clouds.yaml entry would hold), lists images
 * with it, then deletes it.
 *
 * Run: node --import tsx examples/application-credentials.ts [cloud]
 *
 * The secret is shown by keystone once, in the create answer: store it like a password. This
 * program never prints it.
 */
import { Connection } from '../src/index.js';

export async function applicationCredentials(conn: Connection, log: (s: string) => void): Promise<void> {
  const ac = await conn.identity.createApplicationCredential({
    name: `example-appcred-${Date.now().toString(36)}`,
    description: 'openstack-sdk example',
    roles: [{ name: 'reader' }],
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  });
  try {
    log(
      `created application credential ${ac.name} (${ac.id}), roles ${ac.roles?.map((r) => r.name).join(', ')}`,
    );
    // In clouds.yaml: auth_type: v3applicationcredential, auth: { auth_url, application_credential_id, application_credential_secret }
    const app = new Connection({
      config: {
        auth_type: 'v3applicationcredential',
        auth: {
          auth_url: conn.config.auth.auth_url,
          application_credential_id: ac.id,
          application_credential_secret: ac.secret,
        },
        region_name: conn.config.regionName,
      },
    });
    try {
      const token = await app.authorize();
      log(
        `authenticated with it: methods ${token.methods?.join(', ')}, project ${token.projectId}, roles ${token.roles?.join(', ')}`,
      );
      const images = await app.image.listImages().toArray();
      log(
        `listed ${images.length} images with it: ${images
          .slice(0, 3)
          .map((i) => i.name)
          .join(', ')}${images.length > 3 ? ', ...' : ''}`,
      );
    } finally {
      await app.close();
    }
  } finally {
    await conn.identity.deleteApplicationCredential(ac.id, { ignoreMissing: true });
    log(`deleted application credential ${ac.name}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const conn = Connection.fromCloud(process.argv[2] ?? process.env.OS_CLOUD ?? 'devcloud-demo');
  try {
    await applicationCredentials(conn, console.log);
  } finally {
    await conn.close();
  }
}
