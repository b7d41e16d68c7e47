// The flags of the commands that talk to RDS, and reading them back. Kept apart from cloud.ts,
// which loads the API client: commands.ts imports this at start-up and must stay light.
import type { OptionSpec } from './commands.ts';

export function cloudFlags(): Record<string, OptionSpec> {
  return {
    region: { type: 'string', describe: 'region id (default: the spec\'s region statement, then ALIBABA_CLOUD_REGION_ID)' },
    endpoint: { type: 'string', describe: 'API endpoint URL (default: from the region; e.g. a sandbox or proxy)' },
    profile: { type: 'string', describe: 'profile in ~/.aliyun/config.json (default: the credential chain)' },
    'mysql-url': { type: 'string', describe: 'mysql://USER:PASSWORD@HOST:PORT/ to read current tables (default: RESTOREC_MYSQL_URL)' },
    timeout: { type: 'number', default: 10000, describe: 'per-call timeout in ms' },
    concurrency: { type: 'number', default: 32, describe: 'API calls in flight at once' },
    rate: { type: 'number', default: 50, describe: 'API calls started per second at most' },
    verbose: { type: 'boolean', default: false, describe: 'trace every API call on stderr (secrets redacted)' },
    'meta-page-size': { type: 'number', describe: 'DescribeMetaList page size (default 1000; its maximum is undocumented, smaller pages are tried when refused)' },
  };
}

export interface CloudArgs {
  region?: string | undefined;
  endpoint?: string | undefined;
  profile?: string | undefined;
  mysqlUrl?: string | undefined;
  timeoutMs?: number | undefined;
  concurrency?: number | undefined;
  rate?: number | undefined;
  verbose?: boolean | undefined;
  metaPageSize?: number | undefined;
}

export function cloudArgs(a: Record<string, unknown>): CloudArgs {
  const s = (k: string) => (typeof a[k] === 'string' ? (a[k] as string) : undefined);
  const n = (k: string) => (typeof a[k] === 'number' ? (a[k] as number) : undefined);
  return { region: s('region'), endpoint: s('endpoint'), profile: s('profile'), mysqlUrl: s('mysql-url'), timeoutMs: n('timeout'), concurrency: n('concurrency'), rate: n('rate'), verbose: a['verbose'] === true, metaPageSize: n('meta-page-size') };
}

