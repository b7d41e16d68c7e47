// The published RDS API contract (2014-08-15): a copy of ../shared/api/rds-2014-08-15.json, the
// ground truth for every request restorec sends and every answer its sandbox gives. The copy
// travels with the package (the sandbox and the inventory reader need it at run time);
// test/contract/vendored.test.ts fails when it differs from the original.
import data from './rds-2014-08-15.json' with { type: 'json' };

export interface ContractParameter {
  name: string;
  in: string;
  type: string;
  required?: boolean;
  enum?: string[];
  minimum?: string;
  maximum?: string;
  format?: string;
}

export interface DocumentedError {
  code: string;
  message: string;
}

/** A JSON Schema as the contract writes it (types, properties, items; `example` and `format` notes). */
export interface ContractSchema {
  type?: string;
  format?: string;
  properties?: Record<string, ContractSchema>;
  items?: ContractSchema;
  enum?: string[];
  [k: string]: unknown;
}

export interface ContractOperation {
  methods: string[];
  parameters: ContractParameter[];
  response: ContractSchema;
  /** Documented error codes by HTTP status ("400", "403", ...). */
  errors: Record<string, DocumentedError[]>;
  facts?: { limits?: Record<string, string>; enums?: Record<string, string[]>; scope?: string; notes?: string };
}

export const CONTRACT = data as unknown as { product: string; version: string; operations: Record<string, ContractOperation> };

export function contractOperation(action: string): ContractOperation | undefined {
  return Object.hasOwn(CONTRACT.operations, action) ? CONTRACT.operations[action] : undefined;
}

/** The HTTP status an operation documents for `code`, or undefined when it does not document it. */
export function documentedError(action: string, code: string): { status: number; message: string } | undefined {
  const op = contractOperation(action);
  if (!op) return undefined;
  for (const [status, list] of Object.entries(op.errors)) {
    const e = list.find((x) => x.code === code);
    if (e) return { status: Number(status), message: e.message };
  }
  return undefined;
}

/** Every code an operation documents. */
export function documentedCodes(action: string): string[] {
  return Object.values(contractOperation(action)?.errors ?? {}).flatMap((l) => l.map((e) => e.code));
}

/**
 * The allowed range of an integer parameter: the prose limit (`facts.limits`, e.g. "10..100,
 * default 10") when there is one, since it is the narrower statement, else the parameter's
 * minimum/maximum.
 */
export function integerRange(action: string, name: string): { min: number; max: number; default?: number } | undefined {
  const op = contractOperation(action);
  const p = op?.parameters.find((x) => x.name === name);
  if (!op || !p || p.type !== 'integer') return undefined;
  const prose = op.facts?.limits?.[name];
  const m = prose ? /(\d+)\s*\.\.\s*(\d+)(?:,\s*default\s+(\d+))?/.exec(prose) : null;
  if (m) return { min: Number(m[1]), max: Number(m[2]), ...(m[3] !== undefined ? { default: Number(m[3]) } : {}) };
  const min = p.minimum !== undefined ? Number(p.minimum) : -(2 ** 31);
  const max = p.maximum !== undefined ? Number(p.maximum) : p.format === 'int64' ? Number.MAX_SAFE_INTEGER : 2 ** 31 - 1;
  return { min, max };
}

/**
 * Time parameters and the format each operation documents for them (`facts.scope` and the
 * operation pages, summarised in shared/docs/rds-api.md): `seconds` is `yyyy-MM-ddTHH:mm:ssZ`,
 * `minutes` is `yyyy-MM-ddTHH:mmZ`. Anything else is refused by the contract check.
 */
export const TIME_FORMATS: Readonly<Record<string, Readonly<Record<string, 'seconds' | 'minutes'>>>> = {
  RestoreTable: { RestoreTime: 'seconds' },
  RestoreDdrTable: { RestoreTime: 'seconds' },
  DescribeMetaList: { RestoreTime: 'seconds' },
  DescribeCrossBackupMetaList: { RestoreTime: 'seconds' },
  DescribeHistoryTasks: { FromStartTime: 'seconds', ToStartTime: 'seconds' },
  DescribeCrossRegionBackups: { StartTime: 'seconds', EndTime: 'seconds' },
  DescribeBackups: { StartTime: 'minutes', EndTime: 'minutes' },
  DescribeMigrateTasks: { StartTime: 'minutes', EndTime: 'minutes' },
  DescribeTasks: { StartTime: 'minutes', EndTime: 'minutes' },
};

export const TIME_PATTERNS = {
  seconds: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/,
  minutes: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/,
} as const;

/** How far back DescribeHistoryTasks looks (facts.scope: "tasks created within the last 30 days"). */
export const HISTORY_TASKS_DAYS = 30;

export { GATEWAY_ERRORS, COMMON_PARAMETERS, missingParameter, gatewayError } from './gateway.ts';
export { checkRequest, checkErrorAnswer, type RequestProblem } from './check.ts';
