// restorec answers the default chain's first link (the environment) itself, so a live command
// need not load @alicloud/credentials before its first call (src/cloud/credentials.ts). Checked
// here against the library: the same credentials whenever restorec answers, and the library's
// environment provider refusing whenever restorec leaves it to the chain.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultCredentialsProvider, EnvironmentVariableCredentialsProvider } from '@alicloud/credentials';
import { credentialsSource, fromEnvironment } from '../../src/cloud/credentials.ts';

const KEYS = ['ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ALIBABA_CLOUD_SECURITY_TOKEN'] as const;
const saved = { ...process.env };
const home = mkdtempSync(join(tmpdir(), 'restorec-creds-'));

function setEnv(values: Partial<Record<(typeof KEYS)[number], string>>): void {
  for (const k of KEYS) delete process.env[k];
  Object.assign(process.env, values);
  // Nothing else in the chain may answer: no profile files, no OIDC, no ECS metadata service.
  process.env['HOME'] = home;
  process.env['ALIBABA_CLOUD_ECS_METADATA_DISABLED'] = 'true';
  for (const k of ['ALIBABA_CLOUD_ROLE_ARN', 'ALIBABA_CLOUD_OIDC_PROVIDER_ARN', 'ALIBABA_CLOUD_OIDC_TOKEN_FILE', 'ALIBABA_CLOUD_CREDENTIALS_FILE', 'ALIBABA_CLOUD_CREDENTIALS_URI', 'ALIBABA_CLOUD_PROFILE', 'ALIBABA_CLOUD_CONFIG_FILE']) delete process.env[k];
}

test.after(() => {
  process.env = saved;
  rmSync(home, { recursive: true, force: true });
});

test('every combination of the three variables: restorec answers exactly when the library answers from them, with what it gives', async () => {
  const options = [undefined, '', 'value'];
  let answered = 0;
  for (const id of options)
    for (const secret of options)
      for (const token of options) {
        const values: Record<string, string> = {};
        if (id !== undefined) values['ALIBABA_CLOUD_ACCESS_KEY_ID'] = id && 'LTAIkeyid';
        if (secret !== undefined) values['ALIBABA_CLOUD_ACCESS_KEY_SECRET'] = secret && 'not-a-real-secret';
        if (token !== undefined) values['ALIBABA_CLOUD_SECURITY_TOKEN'] = token && 'sts-token';
        setEnv(values);
        const ours = fromEnvironment();
        const label = JSON.stringify(values);
        if (ours) {
          answered++;
          const lib = await DefaultCredentialsProvider.builder().build().getCredentials();
          assert.equal({ id: ours.accessKeyId, secret: ours.accessKeySecret, token: ours.securityToken }, { id: lib.accessKeyId, secret: lib.accessKeySecret, token: lib.securityToken }, label);
          const env = await EnvironmentVariableCredentialsProvider.builder().build().getCredentials();
          assert.is(env.accessKeyId, ours.accessKeyId, label);
        } else {
          let refused = false;
          await EnvironmentVariableCredentialsProvider.builder().build().getCredentials().catch(() => (refused = true));
          assert.ok(refused, `the library's environment provider answers ${label} but restorec does not`);
        }
      }
  assert.is(answered, 3);
});

test('credentialsSource: the environment first; a named profile always from the library; nothing found is a CredentialsError', async () => {
  setEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIenv', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret', ALIBABA_CLOUD_SECURITY_TOKEN: '' });
  assert.equal(await credentialsSource().getCredentials(), { accessKeyId: 'LTAIenv', accessKeySecret: 'env-secret' });
  mkdirSync(join(home, '.aliyun'), { recursive: true });
  writeFileSync(join(home, '.aliyun', 'config.json'), JSON.stringify({ current: 'ci', profiles: [{ name: 'ci', mode: 'AK', access_key_id: 'LTAIprofile', access_key_secret: 'profile-secret' }] }));
  assert.equal(await credentialsSource('ci').getCredentials(), { accessKeyId: 'LTAIprofile', accessKeySecret: 'profile-secret' });
  rmSync(join(home, '.aliyun'), { recursive: true, force: true });
  setEnv({});
  const err = await credentialsSource().getCredentials().then(() => undefined, (e: Error) => e);
  assert.is(err?.name, 'CredentialsError');
  assert.match(err?.message ?? '', /no Alibaba Cloud credentials found/);
});

test.run();
