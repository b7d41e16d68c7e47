// Checks one request or one error answer against the contract: the operation exists, required
// parameters are present, integers are integers inside their documented range, booleans and
// enums hold documented values, time parameters have the operation's documented format, and an
// error answer carries a code the operation (or the gateway) documents with that HTTP status.
import { contractOperation, documentedError, HISTORY_TASKS_DAYS, integerRange, TIME_FORMATS, TIME_PATTERNS } from './index.ts';
import { COMMON_PARAMETERS, gatewayError } from './gateway.ts';

export interface RequestProblem {
  action: string;
  parameter?: string;
  message: string;
}

export interface CheckOptions {
  /** For the relative limits (DescribeHistoryTasks looks back at most 30 days). */
  nowMs?: number;
}

function enumOf(action: string, name: string): string[] | undefined {
  const op = contractOperation(action);
  return op?.parameters.find((p) => p.name === name)?.enum ?? op?.facts?.enums?.[name];
}

/** Problems of one request; empty when the contract accepts it. */
export function checkRequest(action: string, params: ReadonlyMap<string, string> | Record<string, string>, o: CheckOptions = {}): RequestProblem[] {
  const map = params instanceof Map ? params : new Map(Object.entries(params));
  const op = contractOperation(action);
  if (!op) return [{ action, message: `${action} is not an operation of the contract` }];
  const out: RequestProblem[] = [];
  const bad = (parameter: string, message: string) => out.push({ action, parameter, message: `${action} ${parameter}: ${message}` });
  for (const p of op.parameters) {
    const v = map.get(p.name);
    if (v === undefined || v === '') {
      if (p.required) bad(p.name, 'required, but missing');
      continue;
    }
    if (p.type === 'integer') {
      const range = integerRange(action, p.name)!;
      if (!/^-?\d+$/.test(v)) bad(p.name, `must be an integer, got ${JSON.stringify(v.slice(0, 40))}`);
      else if (Number(v) < range.min || Number(v) > range.max) bad(p.name, `must be in ${range.min}..${range.max}, got ${v}`);
    } else if (p.type === 'boolean' && v !== 'true' && v !== 'false') {
      bad(p.name, `must be true or false, got ${JSON.stringify(v.slice(0, 40))}`);
    }
    const values = enumOf(action, p.name);
    if (values && !values.includes(v)) bad(p.name, `must be one of ${values.join(', ')}, got ${JSON.stringify(v.slice(0, 40))}`);
    const format = TIME_FORMATS[action]?.[p.name];
    if (format && !TIME_PATTERNS[format].test(v)) bad(p.name, `must be UTC ${format === 'seconds' ? 'yyyy-MM-ddTHH:mm:ssZ' : 'yyyy-MM-ddTHH:mmZ'}, got ${JSON.stringify(v.slice(0, 40))}`);
    else if (format && Number.isNaN(Date.parse(format === 'minutes' ? `${v.slice(0, -1)}:00Z` : v))) bad(p.name, `is not a real time: ${v}`);
  }
  const known = new Set(op.parameters.map((p) => p.name));
  for (const k of map.keys()) if (!known.has(k) && !COMMON_PARAMETERS.has(k)) bad(k, 'is not a parameter of this operation');
  if (action === 'DescribeHistoryTasks' && o.nowMs !== undefined) {
    const from = Date.parse(map.get('FromStartTime') ?? '');
    const to = Date.parse(map.get('ToStartTime') ?? '');
    if (from < o.nowMs - HISTORY_TASKS_DAYS * 86_400_000) bad('FromStartTime', `more than ${HISTORY_TASKS_DAYS} days back`);
    if (to < from) bad('ToStartTime', 'before FromStartTime');
  }
  if (action === 'RestoreTable' && !map.get('BackupId') && !map.get('RestoreTime')) out.push({ action, message: 'RestoreTable: one of BackupId and RestoreTime is required' });
  // facts.notes: RestoreType 0 takes BackupId; 1 takes RestoreTime, SourceRegion and SourceDBInstanceName.
  if (action === 'RestoreDdrTable') {
    const needs = map.get('RestoreType') === '0' ? ['BackupId'] : map.get('RestoreType') === '1' ? ['RestoreTime', 'SourceRegion', 'SourceDBInstanceName'] : [];
    for (const p of needs) if (!map.get(p)) out.push({ action, parameter: p, message: `RestoreDdrTable ${p}: required with RestoreType ${map.get('RestoreType')}` });
  }
  return out;
}

/** Why an error answer breaks the contract, or undefined when the operation or gateway documents it. */
export function checkErrorAnswer(action: string, status: number, code: string): string | undefined {
  const documented = documentedError(action, code) ?? gatewayError(code);
  if (!documented) return `${action} answered ${status} ${code}, a code it does not document`;
  // A code some operations document under another status (e.g. InvalidDBInstance.NotFound) must
  // come with the status this operation documents.
  if (documented.status !== status) return `${action} answered ${code} with HTTP ${status}; the contract says ${documented.status}`;
  return undefined;
}
