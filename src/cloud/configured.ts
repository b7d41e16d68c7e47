// Whether cloud access is configured, decided from the environment and files alone: light on
// purpose (no SDK imports), because lint's fast path asks it before deciding to go live.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Whether credentials are configured without asking the network: environment variables, OIDC,
 * a profile (flag, ALIBABA_CLOUD_PROFILE or ~/.aliyun/config.json), a named ECS role or a
 * credentials URI. Commands that could work offline go live only when this holds, so a
 * pre-commit hook never waits on the ECS metadata service.
 */
export function cloudConfigured(env: NodeJS.ProcessEnv, profile?: string): boolean {
  if (profile) return true;
  const set = (k: string) => (env[k] ?? '') !== '';
  return (
    (set('ALIBABA_CLOUD_ACCESS_KEY_ID') && set('ALIBABA_CLOUD_ACCESS_KEY_SECRET')) ||
    (set('ALIBABA_CLOUD_ROLE_ARN') && set('ALIBABA_CLOUD_OIDC_PROVIDER_ARN') && set('ALIBABA_CLOUD_OIDC_TOKEN_FILE')) ||
    set('ALIBABA_CLOUD_PROFILE') ||
    set('ALIBABA_CLOUD_ECS_METADATA') ||
    set('ALIBABA_CLOUD_CREDENTIALS_URI') ||
    existsSync(join(env['HOME'] ?? homedir(), '.aliyun', 'config.json'))
  );
}
