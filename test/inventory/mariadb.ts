// A throwaway MariaDB for the tests: mariadbd on 127.0.0.1, a free port, an empty temporary
// datadir and --skip-grant-tables (any user, any password: the tests can pass a known secret).
// No skipping: without MariaDB the test fails (scripts/run-tests.mjs installs it first when missing).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

const CANDIDATES = ['/usr/sbin/mariadbd', '/usr/bin/mariadbd', '/usr/sbin/mysqld', '/usr/local/bin/mariadbd'];

export interface MariaDb {
  port: number;
  url(user?: string, password?: string): string;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startMariaDb(): Promise<MariaDb> {
  const bin = CANDIDATES.find((p) => existsSync(p));
  if (!bin) throw new Error('MariaDB is not installed (no mariadbd found): npm test installs it as root (scripts/provision.mjs); otherwise run: sudo apt-get install -y mariadb-server');
  const dir = mkdtempSync(join(tmpdir(), 'restorec-mariadb-'));
  const port = await freePort();
  let log = '';
  const child: ChildProcess = spawn(bin, ['--no-defaults', `--datadir=${dir}`, `--socket=${join(dir, 'sock')}`, `--pid-file=${join(dir, 'pid')}`, `--port=${port}`, '--bind-address=127.0.0.1', '--skip-grant-tables', '--user=root', '--innodb-buffer-pool-size=16M', '--skip-log-bin'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const close = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL'); // a throwaway datadir: no clean shutdown needed
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const url = (user = 'root', password = '') => `mysql://${encodeURIComponent(user)}${password ? `:${encodeURIComponent(password)}` : ''}@127.0.0.1:${port}/`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const c = await createConnection({ host: '127.0.0.1', port, user: 'root' });
      await c.end();
      return { port, url, close };
    } catch (e) {
      if (child.exitCode !== null || Date.now() > deadline) {
        await close();
        throw new Error(`mariadbd did not start: ${(e as Error).message}\n${log.slice(-2000)}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
