// Runs a composite GitHub Action's steps the way the runner does, without GitHub: `run` steps
// with bash (`bash --noprofile --norc -eo pipefail`, as the runner's `shell: bash`), ${{ }} and
// `if:` evaluated against the inputs, the event and earlier steps' outputs, and the runner's
// files (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH, GITHUB_STEP_SUMMARY, GITHUB_EVENT_PATH) in a
// temporary directory. `uses` steps (other actions) are recorded with their evaluated inputs,
// not run. The expression language is the part the actions here use: contexts, literals,
// == != && || ! and parentheses, always() success() failure() cancelled().
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

type Value = string | number | boolean | null | undefined | Record<string, unknown>;

export interface StepRecord {
  id: string | undefined;
  name: string;
  /** skipped: its `if` was false; uses steps that would run are `recorded`. */
  outcome: 'success' | 'failure' | 'skipped' | 'recorded';
  uses?: string;
  with?: Record<string, string>;
  log: string;
  outputs: Record<string, string>;
}

export interface ActionRun {
  steps: StepRecord[];
  outputs: Record<string, string>;
  summary: string;
  failed: boolean;
}

export interface RunOptions {
  actionDir: string;
  workspace: string;
  temp: string;
  eventName: string;
  event: Record<string, unknown>;
  ref: string;
  sha: string;
  repository: string;
  apiUrl: string;
  token: string;
  inputs?: Record<string, string>;
  /** The job's env (credentials, npm settings, ...). */
  env?: Record<string, string>;
}

/** Reads GITHUB_OUTPUT / GITHUB_ENV: `name=value` lines and `name<<DELIMITER` heredocs. */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      if (end < 0) throw new Error(`unterminated ${heredoc[1]}<<${heredoc[2]}`);
      out[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
  }
  return out;
}

// --- expressions ---
const TOKEN = /\s*(?:('(?:[^']|'')*')|(\d+(?:\.\d+)?)|(==|!=|&&|\|\||<=|>=|[!<>()[\].,])|([A-Za-z_][A-Za-z0-9_-]*))/y;

function tokenize(src: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    if (/^\s*$/.test(src.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(src);
    if (!m) throw new Error(`cannot read expression at ${src.slice(TOKEN.lastIndex)}`);
    tokens.push(m[1] ?? m[2] ?? m[3] ?? m[4]!);
  }
  return tokens;
}

const truthy = (v: Value) => !(v === '' || v === 0 || v === false || v === null || v === undefined);
function equal(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  const num = (v: Value) => (v === null || v === undefined || v === '' ? 0 : v === true ? 1 : v === false ? 0 : Number(v));
  return num(a) === num(b);
}

export function evaluate(src: string, ctx: Record<string, unknown>, status: { failed: boolean }): Value {
  const t = tokenize(src);
  let i = 0;
  const peek = () => t[i];
  const next = () => t[i++];
  const expect = (s: string) => {
    if (next() !== s) throw new Error(`expected ${s} in ${src}`);
  };
  const or = (): Value => {
    let v = and();
    while (peek() === '||') {
      next();
      const r = and(); // parsed either way: nothing here has side effects
      v = truthy(v) ? v : r;
    }
    return v;
  };
  const and = (): Value => {
    let v = cmp();
    while (peek() === '&&') {
      next();
      const r = cmp();
      v = truthy(v) ? r : v;
    }
    return v;
  };
  const cmp = (): Value => {
    let v = unary();
    while (peek() === '==' || peek() === '!=') v = next() === '==' ? equal(v, unary()) : !equal(v, unary());
    return v;
  };
  const unary = (): Value => (peek() === '!' ? (next(), !truthy(unary())) : primary());
  const primary = (): Value => {
    const tok = next();
    if (tok === undefined) throw new Error(`unexpected end of ${src}`);
    if (tok === '(') {
      const v = or();
      expect(')');
      return v;
    }
    if (tok.startsWith("'")) return tok.slice(1, -1).replace(/''/g, "'");
    if (/^\d/.test(tok)) return Number(tok);
    if (tok === 'true' || tok === 'false') return tok === 'true';
    if (tok === 'null') return null;
    if (peek() === '(') {
      next();
      expect(')');
      const fns: Record<string, () => boolean> = { always: () => true, success: () => !status.failed, failure: () => status.failed, cancelled: () => false };
      if (!fns[tok]) throw new Error(`function ${tok}() is not supported here`);
      return fns[tok]!();
    }
    let v: unknown = ctx[tok];
    for (;;) {
      if (peek() === '.') {
        next();
        v = (v as Record<string, unknown> | undefined)?.[next()!];
      } else if (peek() === '[') {
        next();
        const key = or();
        expect(']');
        v = (v as Record<string, unknown> | undefined)?.[String(key)];
      } else break;
    }
    return v as Value;
  };
  const v = or();
  if (i !== t.length) throw new Error(`unexpected ${t[i]} in ${src}`);
  return v;
}

export function interpolate(text: string, ctx: Record<string, unknown>, status: { failed: boolean }): string {
  return text.replace(/\$\{\{(.*?)\}\}/gs, (_, e: string) => {
    const v = evaluate(e, ctx, status);
    return v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  });
}

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}

/** bash, asynchronously: the test's own HTTP stand-ins must keep answering while a step runs. */
function bash(script: string, cwd: string, env: Record<string, string>): Promise<{ status: number | null; log: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    child.on('error', (e) => (log += String(e)));
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, log });
    });
  });
}

export async function runAction(o: RunOptions): Promise<ActionRun> {
  const action = parseYaml(readFileSync(join(o.actionDir, 'action.yml'), 'utf8')) as { inputs?: Record<string, { default?: string }>; outputs?: Record<string, { value: string }>; runs: { using: string; steps: Step[] } };
  if (action.runs.using !== 'composite') throw new Error('not a composite action');
  mkdirSync(o.temp, { recursive: true });
  const eventPath = join(o.temp, 'event.json');
  writeFileSync(eventPath, JSON.stringify(o.event));
  const summaryPath = join(o.temp, 'job-summary.md');
  writeFileSync(summaryPath, '');
  const github = { event_name: o.eventName, event: o.event, ref: o.ref, sha: o.sha, repository: o.repository, workspace: o.workspace, action_path: o.actionDir, api_url: o.apiUrl, token: o.token };
  const status = { failed: false };
  const steps: Record<string, { outputs: Record<string, string>; outcome: string; conclusion: string }> = {};
  const ctx: Record<string, unknown> = { github, steps, runner: { temp: o.temp, os: 'Linux' }, env: { ...o.env } };
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs ?? {})) inputs[name] = o.inputs?.[name] ?? interpolate(String(spec.default ?? ''), ctx, status);
  ctx['inputs'] = inputs;
  const addedEnv: Record<string, string> = {};
  const addedPath: string[] = [];
  const records: StepRecord[] = [];

  for (const [n, step] of action.runs.steps.entries()) {
    const name = step.name ?? step.id ?? `step ${n + 1}`;
    const cond = step.if ?? 'success()';
    const withStatus = /\b(always|success|failure|cancelled)\(/.test(cond) ? cond : `success() && (${cond})`;
    const record: StepRecord = { id: step.id, name, outcome: 'skipped', log: '', outputs: {} };
    records.push(record);
    if (!truthy(evaluate(withStatus.replace(/^\$\{\{|\}\}$/g, ''), ctx, status))) {
      if (step.id) steps[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
      continue;
    }
    if (step.uses) {
      record.outcome = 'recorded';
      record.uses = step.uses;
      record.with = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, interpolate(String(v), ctx, status)]));
      if (step.id) steps[step.id] = { outputs: {}, outcome: 'success', conclusion: 'success' };
      continue;
    }
    if (step.shell !== 'bash') throw new Error(`${name}: composite run steps here use shell: bash`);
    const files = Object.fromEntries(['output', 'env', 'path', 'summary'].map((f) => [f, join(o.temp, `step${n}.${f}`)]));
    for (const f of Object.values(files)) writeFileSync(f, '');
    const script = join(o.temp, `step${n}.sh`);
    writeFileSync(script, interpolate(step.run ?? '', ctx, status));
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, interpolate(String(v), ctx, status)]));
    const env: Record<string, string> = {
      HOME: process.env['HOME'] ?? '',
      ...o.env,
      ...addedEnv,
      PATH: [...addedPath].reverse().concat(o.env?.['PATH'] ?? process.env['PATH'] ?? '').join(':'),
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: o.eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_WORKSPACE: o.workspace,
      GITHUB_ACTION_PATH: o.actionDir,
      GITHUB_REPOSITORY: o.repository,
      GITHUB_REF: o.ref,
      GITHUB_SHA: o.sha,
      GITHUB_API_URL: o.apiUrl,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '1234',
      RUNNER_TEMP: o.temp,
      RUNNER_OS: 'Linux',
      GITHUB_OUTPUT: files['output']!,
      GITHUB_ENV: files['env']!,
      GITHUB_PATH: files['path']!,
      GITHUB_STEP_SUMMARY: files['summary']!,
      ...stepEnv,
    };
    const r = await bash(script, step['working-directory'] ? join(o.workspace, step['working-directory']) : o.workspace, env);
    record.log = r.log;
    record.outputs = parseEnvFile(readFileSync(files['output']!, 'utf8'));
    Object.assign(addedEnv, parseEnvFile(readFileSync(files['env']!, 'utf8')));
    addedPath.push(...readFileSync(files['path']!, 'utf8').split('\n').filter(Boolean));
    appendFileSync(summaryPath, readFileSync(files['summary']!, 'utf8'));
    record.outcome = r.status === 0 ? 'success' : 'failure';
    if (record.outcome === 'failure') status.failed = true;
    if (step.id) steps[step.id] = { outputs: record.outputs, outcome: record.outcome, conclusion: record.outcome };
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs ?? {}).map(([k, v]) => [k, interpolate(v.value, ctx, status)]));
  return { steps: records, outputs, summary: existsSync(summaryPath) ? readFileSync(summaryPath, 'utf8') : '', failed: status.failed };
}
