// A hostile RDS endpoint on 127.0.0.1 for tests: it answers each Action from a script (a status
// and a body, raw text, a delay, a dropped connection) and checks no signature, so a test can
// drive the real CLI (`inventory pull`, `apply`) through malformed, lying, repeating, huge and
// slow answers. Requests are recorded (parameters as sent) for assertions.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parsePairs } from '../../src/sandbox/protocol.ts';

export interface Answer {
  status?: number;
  /** A JSON body (a RequestId is added to objects that lack one, unless `raw` is set). */
  body?: unknown;
  /** Sent as is, instead of `body`. */
  raw?: string;
  delayMs?: number;
  /** Drop the connection without an answer. */
  drop?: boolean;
}

export type Script = (action: string, params: Map<string, string>, nth: number) => Answer | undefined;

export interface HostileApi {
  endpoint: string;
  requests: { action: string; params: Map<string, string> }[];
  count(action: string): number;
  close(): Promise<void>;
}

let seq = 0;

export async function startHostileApi(script: Script): Promise<HostileApi> {
  const requests: HostileApi['requests'] = [];
  const nth = new Map<string, number>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = '';
    req.on('data', (d) => (text += d));
    req.on('end', () => {
      const url = req.url ?? '/';
      const params = new Map([...parsePairs(url.includes('?') ? url.slice(url.indexOf('?') + 1) : ''), ...parsePairs(text)]);
      const action = params.get('Action') ?? '';
      requests.push({ action, params });
      const n = (nth.get(action) ?? 0) + 1;
      nth.set(action, n);
      const a = script(action, params, n) ?? { status: 404, body: { Code: 'InvalidAction.NotFound', Message: 'not scripted' } };
      const send = () => {
        if (a.drop) return void res.socket?.destroy();
        const body = a.raw ?? JSON.stringify(a.body && typeof a.body === 'object' && !Array.isArray(a.body) && !('RequestId' in a.body) ? { RequestId: `hostile-${++seq}`, ...a.body } : a.body);
        res.writeHead(a.status ?? 200, { 'content-type': 'application/json' });
        res.end(body);
      };
      if (a.delayMs) setTimeout(send, a.delayMs);
      else send();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    count: (action) => requests.filter((r) => r.action === action).length,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Good answers for a small, healthy instance: a base a test overrides action by action. */
export function healthy(id: string): Record<string, (params: Map<string, string>) => unknown> {
  return {
    DescribeDBInstanceAttribute: () => ({ Items: { DBInstanceAttribute: [{ DBInstanceId: id, Engine: 'MySQL', EngineVersion: '8.0', Category: 'HighAvailability', DBInstanceStorageType: 'local_ssd', DBInstanceStatus: 'Running', LockMode: 'Unlock', DBInstanceType: 'Primary' }] } }),
    DescribeParameters: () => ({ RunningParameters: { DBInstanceParameter: [{ ParameterName: 'lower_case_table_names', ParameterValue: '1' }] } }),
    DescribeBackupPolicy: () => ({ EnableBackupLog: '1', BackupLog: 'Enable', CompressType: '4' }),
    DescribeLocalAvailableRecoveryTime: () => ({ RecoveryBeginTime: '2026-11-13T00:00:00Z', RecoveryEndTime: '2026-11-20T03:59:00Z' }),
    DescribeBackups: () => ({ TotalRecordCount: '1', PageNumber: '1', PageRecordCount: '1', Items: { Backup: [{ BackupId: '9026262', BackupStatus: 'Success', MetaStatus: 'OK' }] } }),
    DescribeMetaList: () => ({ TotalRecordCount: 2, TotalPageCount: 1, PageNumber: 1, PageRecordCount: 2, Items: { Meta: [{ Database: 'shop', Tables: 'orders,customers', Size: '64' }, { Database: 'crm', Tables: 'leads', Size: '32' }] } }),
    DescribeDatabases: () => ({ Databases: { Database: [{ DBName: 'shop', DBStatus: 'Running' }, { DBName: 'crm', DBStatus: 'Running' }] } }),
    DescribeHistoryTasks: () => ({ TotalCount: 0, PageNumber: 1, PageSize: 100, Items: [] }),
    RestoreTable: () => ({}),
  };
}

/** A script from `healthy` with some actions replaced (an override answering undefined falls back to `healthy`). */
export function scripted(id: string, over: Partial<Record<string, (params: Map<string, string>, nth: number) => Answer | undefined>>): Script {
  const base = healthy(id);
  return (action, params, n) => {
    const o = over[action]?.(params, n);
    if (o) return o;
    const b = base[action];
    return b ? { body: b(params) } : undefined;
  };
}
