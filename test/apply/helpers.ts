// Shared by the apply and inventory tests: the built CLI run without blocking the event loop (an
// in-process sandbox must keep answering), and a workspace holding a spec and its seed.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], env: Record<string, string> = {}, cwd = process.cwd()): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(process.cwd(), 'bin/restorec.cjs'), ...args], {
      cwd,
      env: { PATH: process.env['PATH'] ?? '', HOME: mkdtempSync(join(tmpdir(), 'restorec-home-')), NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A temp folder with examples/seed-backup-set.{restore,inventory.json}. */
export function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'restorec-apply-'));
  for (const f of ['seed-backup-set.restore', 'seed-backup-set.inventory.json']) copyFileSync(join(process.cwd(), 'examples', f), join(dir, f));
  return dir;
}
