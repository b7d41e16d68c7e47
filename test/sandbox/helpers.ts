// Shared by the sandbox tests: a fixture inventory, real RDS clients pointed at a sandbox, and a
// relay that lets a test change or repeat a request after the client signed it.
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import type { Inventory } from '../../src/compiler/index.ts';
import type { Sandbox } from '../../src/sandbox/index.ts';

const require = createRequire(import.meta.url);
export const { RPCClient } = require('@alicloud/pop-core') as { RPCClient: new (o: Record<string, unknown>) => PopClient };
export const Rds = require('@alicloud/rds20140815') as Record<string, new (o?: Record<string, unknown>) => any> & { default: new (c: unknown) => any };
const OpenApi = require('@alicloud/openapi-core') as { $OpenApiUtil: { Config: new (o: Record<string, unknown>) => unknown } };

export interface PopClient {
  request(action: string, params: Record<string, unknown>, opts?: Record<string, unknown>): Promise<Record<string, any>>;
}

export const ID = 'rm-sandbox0000000001';

/** One instance: a good backup (B1), a failed one, one without usable meta, a 2-hour log window. */
export function fixtureInventory(): Inventory {
  return {
    version: 1,
    instance: {
      DBInstanceId: ID,
      RegionId: 'cn-hangzhou',
      Engine: 'MySQL',
      EngineVersion: '8.0',
      Category: 'HighAvailability',
      DBInstanceStorageType: 'local_ssd',
      DBInstanceStatus: 'Running',
      LockMode: 'Unlock',
      DBInstanceType: 'Primary',
      ReadOnlyDBInstanceIds: [],
      lower_case_table_names: 1,
    },
    backupPolicy: { EnableBackupLog: '1', LogBackupRetentionPeriod: 7, BackupRetentionPeriod: 7, CompressType: '4' },
    recoveryWindow: { RecoveryBeginTime: '2026-11-20T01:00:00Z', RecoveryEndTime: '2026-11-20T03:00:00Z' },
    backups: [
      { BackupId: '1001', BackupStatus: 'Success', MetaStatus: 'OK', BackupStartTime: '2026-11-19T18:00Z', BackupEndTime: '2026-11-19T18:40Z' },
      { BackupId: '1002', BackupStatus: 'Failed', MetaStatus: 'OK', BackupStartTime: '2026-11-18T18:00Z' },
      { BackupId: '1003', BackupStatus: 'Success', MetaStatus: '', BackupStartTime: '2026-11-17T18:00Z' },
    ],
    tasks: [],
    contents: [
      {
        BackupId: '1001',
        Databases: [
          { Database: 'shop', Size: 2048, Tables: ['orders', 'customers', 'items'] },
          { Database: 'crm', Size: 512, Tables: ['leads'] },
          { Database: 'audit', Size: 64, Tables: ['log'] },
        ],
      },
      { RestoreTime: '2026-11-20T02:00:00Z', Databases: [{ Database: 'shop', Size: 2048, Tables: ['orders', 'customers'] }] },
    ],
    current: { Databases: [{ DBName: 'shop', DBStatus: 'Running', Tables: ['orders', 'customers', 'items'] }, { DBName: 'crm', Tables: ['leads'] }] },
  };
}

export const SOURCE = 'rm-src0000000000001';

/**
 * The fixture instance with a cross-region source: rm-src... in cn-beijing, whose backups are
 * copied to cn-hangzhou (where the fixture instance is): 12490001 (succeeded, the window's set),
 * 12490002 (failed), 12490003 (restores to cn-shanghai only), 12490004 (its table list not
 * recorded: InvalidMeta.Empty), with a window of 12490001 and its contents.
 */
export function crossFixtureInventory(): Inventory {
  const inv = fixtureInventory();
  const one = { CrossBackupRegion: 'cn-hangzhou', RestoreRegions: ['cn-hangzhou'] };
  inv.crossRegion = {
    DBInstanceId: SOURCE,
    RegionId: 'cn-beijing',
    backups: [
      { CrossBackupId: '12490001', BackupSetStatus: 0, ...one, BackupStartTime: '2026-11-19T17:40:00Z', BackupEndTime: '2026-11-19T18:00:00Z', ConsistentTime: '2026-11-19T18:00:00Z' },
      { CrossBackupId: '12490002', BackupSetStatus: 1, ...one, BackupStartTime: '2026-11-18T17:40:00Z', ConsistentTime: '2026-11-18T18:00:00Z' },
      { CrossBackupId: '12490003', BackupSetStatus: 0, CrossBackupRegion: 'cn-shanghai', RestoreRegions: ['cn-shanghai'], BackupStartTime: '2026-11-17T17:40:00Z', ConsistentTime: '2026-11-17T18:00:00Z' },
      { CrossBackupId: '12490004', BackupSetStatus: 0, ...one, BackupStartTime: '2026-11-16T17:40:00Z', ConsistentTime: '2026-11-16T18:00:00Z' },
    ],
    recoveryWindow: { CrossBackupId: '12490001', RecoveryBeginTime: '2026-11-19T18:00:00Z', RecoveryEndTime: '2026-11-20T03:00:00Z' },
    refusals: [{ CrossBackupId: '12490004', Code: 'InvalidMeta.Empty', Operation: 'DescribeCrossBackupMetaList' }],
    contents: [{ BackupId: '12490001', Databases: fixtureInventory().contents[0]!.Databases }],
  };
  return inv;
}

export function popClient(sb: Sandbox, over: Record<string, unknown> = {}): PopClient {
  return new RPCClient({ accessKeyId: sb.accessKeyId, accessKeySecret: sb.accessKeySecret, endpoint: sb.endpoint, apiVersion: '2014-08-15', ...over });
}

/** The generated SDK (ACS3-HMAC-SHA256); `port` lets a test aim it at a relay instead. */
export function rdsClient(sb: Sandbox, over: Record<string, unknown> = {}, port = sb.port): any {
  return new Rds.default(new OpenApi.$OpenApiUtil.Config({ accessKeyId: sb.accessKeyId, accessKeySecret: sb.accessKeySecret, endpoint: `127.0.0.1:${port}`, protocol: 'http', ...over }));
}

/** POST through pop-core, never throwing: the body (error bodies included). */
export async function call(client: PopClient, action: string, params: Record<string, unknown>): Promise<Record<string, any>> {
  try {
    return await client.request(action, params, { method: 'POST' });
  } catch (e) {
    const err = e as { data?: Record<string, any>; code?: string; message: string };
    if (err.data) return err.data;
    return { transport: err.code ?? err.message };
  }
}

export interface Relayed {
  status: number;
  body: Record<string, any>;
}

/**
 * A relay between a client and the sandbox: `edit` may change the path and body after the client
 * signed them; `copies` sends the same request that many times; `answers` has every answer.
 */
export async function startRelay(target: number, edit: (path: string, body: string) => { path: string; body: string }, copies = 1) {
  const answers: Relayed[] = [];
  const forward = (req: IncomingMessage, path: string, body: string) =>
    new Promise<Relayed>((resolve, reject) => {
      const headers = { ...req.headers, 'content-length': String(Buffer.byteLength(body)) };
      const out = httpRequest({ host: '127.0.0.1', port: target, method: req.method, path, headers }, (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      });
      out.on('error', reject);
      out.end(body);
    });
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', async () => {
      const changed = edit(req.url ?? '/', body);
      let last: Relayed | undefined;
      for (let i = 0; i < copies; i++) answers.push((last = await forward(req, changed.path, changed.body)));
      res.writeHead(last?.status ?? 502, { 'content-type': 'application/json' });
      res.end(JSON.stringify(last?.body ?? {}));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { port, answers, close: () => new Promise<void>((r) => server.close(() => r())) };
}

let nonce = 0;
/** A signed RPC v1 POST with a raw answer (status included); signature checked by the pop-core tests. */
export async function rawCall(sb: Sandbox, action: string, params: Record<string, string>): Promise<Relayed> {
  const { rpcV1Signature } = await import('../../src/sandbox/index.ts');
  const all = new Map(Object.entries({
    ...params,
    Action: action,
    Version: '2014-08-15',
    Format: 'JSON',
    AccessKeyId: sb.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: `raw-${process.pid}-${++nonce}-${Date.now()}`,
    Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  }));
  all.set('Signature', rpcV1Signature('POST', all, sb.accessKeySecret));
  const res = await fetch(`${sb.endpoint}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams([...all]).toString() });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}
