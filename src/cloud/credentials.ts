// Credentials and endpoints. Credentials come from the Alibaba Cloud default chain
// (@alicloud/credentials: environment, OIDC, ~/.aliyun/config.json profile, ECS RAM role), or a
// named CLI profile; every secret they yield is registered for redaction before it is used.
import { registerSecret } from './redact.ts';

export { cloudConfigured } from './configured.ts';

export interface CloudCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string | undefined;
}

/** What pop-core's `credentialsProvider` expects. */
export interface CredentialsSource {
  getCredentials(): Promise<CloudCredentials>;
}

export class CredentialsError extends Error {
  override readonly name = 'CredentialsError';
}

type Provider = { getCredentials(): Promise<{ accessKeyId: string; accessKeySecret: string; securityToken?: string | undefined }> };

/**
 * The first link of the default chain, without loading @alicloud/credentials (15-20 ms of a live
 * command's start, before its first call): the chain's environment provider answers whenever
 * ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are both non-empty, with
 * ALIBABA_CLOUD_SECURITY_TOKEN as it is (test/cloud/credentials-chain.test.ts checks this
 * against the library). Undefined otherwise: the library's chain decides.
 */
export function fromEnvironment(env: NodeJS.ProcessEnv = process.env): CloudCredentials | undefined {
  const accessKeyId = env['ALIBABA_CLOUD_ACCESS_KEY_ID'];
  const accessKeySecret = env['ALIBABA_CLOUD_ACCESS_KEY_SECRET'];
  if (!accessKeyId || !accessKeySecret) return undefined;
  return { accessKeyId, accessKeySecret, securityToken: env['ALIBABA_CLOUD_SECURITY_TOKEN'] };
}

/** The default chain (or the CLI profile `profile`) of @alicloud/credentials, loaded on first use. */
async function libraryProvider(profile: string | undefined): Promise<Provider> {
  const { CLIProfileCredentialsProvider, DefaultCredentialsProvider } = await import('@alicloud/credentials');
  try {
    return profile ? CLIProfileCredentialsProvider.builder().withProfileName(profile).build() : DefaultCredentialsProvider.builder().build();
  } catch (e) {
    throw new CredentialsError(`cannot set up credentials: ${(e as Error).message}`);
  }
}

/** The default chain, or the CLI profile `profile` when one is named. */
export function credentialsSource(profile?: string): CredentialsSource {
  let inner: Promise<Provider> | undefined;
  // One question to the library at a time: its default chain records the provider it is trying
  // before it has answered, so a second call made meanwhile (a pull starts seven calls at once)
  // asked the first provider of the chain, the environment, and failed with "no credentials"
  // while a profile, OIDC or the ECS role would have answered. Calls made while one is pending
  // share its answer; later ones ask again (the providers refresh what expires).
  let pending: Promise<Awaited<ReturnType<Provider['getCredentials']>>> | undefined;
  const ask = (provider: Provider) => (pending ??= provider.getCredentials().finally(() => (pending = undefined)));
  return {
    async getCredentials() {
      let c = profile ? undefined : fromEnvironment();
      if (!c) {
        inner ??= libraryProvider(profile);
        let provider: Provider;
        try {
          provider = await inner;
        } catch (e) {
          if (e instanceof CredentialsError) throw e;
          throw new CredentialsError(`cannot load the Alibaba Cloud credentials library (@alicloud/credentials): ${(e as Error).message}`);
        }
        try {
          c = await ask(provider);
        } catch (e) {
          throw new CredentialsError(
            profile
              ? `cannot read credentials of profile ${JSON.stringify(profile)} from ~/.aliyun/config.json: ${(e as Error).message.split('\n')[0]}`
              : 'no Alibaba Cloud credentials found: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN for STS), configure OIDC, pass --profile, or run on ECS with a RAM role',
          );
        }
      }
      registerSecret(c.accessKeySecret);
      registerSecret(c.securityToken);
      return { accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, ...(c.securityToken ? { securityToken: c.securityToken } : {}) };
    },
  };
}

/** Fixed credentials (the in-process sandbox, tests). */
export function staticCredentials(c: CloudCredentials): CredentialsSource {
  registerSecret(c.accessKeySecret);
  registerSecret(c.securityToken);
  return { getCredentials: async () => c };
}

/** Regions served by the central endpoint (rds-api.md); every other one has its own. */
const CENTRAL_REGIONS = new Set([
  'cn-qingdao', 'cn-beijing', 'cn-hangzhou', 'cn-shanghai', 'cn-shenzhen', 'cn-hongkong', 'ap-southeast-1', 'us-west-1', 'us-east-1',
  'cn-shanghai-finance-1', 'cn-shenzhen-finance-1', 'cn-north-2-gov-1',
]);

export function endpointFor(region: string | undefined): string {
  if (region === undefined || region === '' || CENTRAL_REGIONS.has(region)) return 'https://rds.aliyuncs.com';
  if (!/^[a-z0-9-]+$/.test(region)) throw new CredentialsError(`not a region id: ${JSON.stringify(region)}`);
  return `https://rds.${region}.aliyuncs.com`;
}
