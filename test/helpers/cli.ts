// Runs the built CLI (bin/restorec.cjs → dist/) as a user would, capturing output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CliResult {
  status: number | null;
  /** The signal that ended the process (SIGTERM when `timeout` ran out), or null. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function restorec(args: string[], opts: { input?: string; env?: Record<string, string>; cwd?: string; timeout?: number } = {}): CliResult {
  const r = spawnSync(process.execPath, [join(process.cwd(), 'bin/restorec.cjs'), ...args], {
    input: opts.input ?? '',
    encoding: 'utf8',
    cwd: opts.cwd ?? process.cwd(),
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', NO_COLOR: '1', ...opts.env },
    maxBuffer: 256 * 1024 * 1024,
    ...(opts.timeout ? { timeout: opts.timeout } : {}),
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'restorec-test-'));
}

/** A user error must never surface as a stack trace. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+:\d+:\d+\)?$/m.test(text);
}
