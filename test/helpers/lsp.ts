// A language client for tests: starts the built `restorec lsp --stdio` (bin/restorec.cjs →
// dist/) as an editor would, and speaks JSON-RPC to it over its stdin and stdout.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const uriOf = (path: string): string => pathToFileURL(resolve(path)).href;

const running = new Set<LspClient>();

/** Kills every server a test left running (a failed assertion skips its `stop`): register
 *  with `test.after.each(killServers)`, or the test process waits on their pipes forever. */
export function killServers(): void {
  for (const c of running) c.kill();
}

export class LspClient {
  readonly child: ChildProcess;
  readonly connection: ProtocolConnection;
  stderr = '';
  readonly #diagnostics: PublishDiagnosticsParams[] = [];
  readonly #waiters: { match: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly #exited: Promise<number | null>;

  constructor(opts: { cwd?: string; args?: string[] } = {}) {
    this.child = spawn(process.execPath, [join(process.cwd(), 'bin/restorec.cjs'), 'lsp', ...(opts.args ?? ['--stdio'])], {
      cwd: opts.cwd ?? process.cwd(),
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', TZ: 'UTC' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stderr!.on('data', (d) => (this.stderr += d));
    running.add(this);
    this.#exited = new Promise((r) =>
      this.child.on('exit', (code) => {
        running.delete(this);
        r(code);
      }),
    );
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.#diagnostics.push(p);
      for (const w of [...this.#waiters]) {
        if (w.match(p)) {
          this.#waiters.splice(this.#waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    this.connection.listen();
  }

  async initialize(rootPath: string, initializationOptions: unknown = {}, capabilities: object = {}): Promise<Record<string, unknown>> {
    const result = await this.request('initialize', {
      processId: process.pid,
      rootUri: uriOf(rootPath),
      workspaceFolders: [{ uri: uriOf(rootPath), name: 'test' }],
      capabilities,
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result as Record<string, unknown>;
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    return withTimeout(this.connection.sendRequest(method, params) as Promise<T>, `${method} got no answer`);
  }

  /** Opens a file of a fixture workspace with its text on disk (or `text`). */
  async open(path: string, text = readFileSync(path, 'utf8'), version = 1): Promise<string> {
    const uri = uriOf(path);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'restore', version, text } });
    return uri;
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  /** The next diagnostics published for `uri` (at `version`, when given), or one already received. */
  diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    const match = (p: PublishDiagnosticsParams) => p.uri === uri && (version === undefined || p.version === version);
    const seen = [...this.#diagnostics].reverse().find(match);
    if (seen) return Promise.resolve(seen);
    return withTimeout(new Promise((resolve) => this.#waiters.push({ match, resolve })), `no diagnostics for ${uri}${version === undefined ? '' : ` version ${version}`}`);
  }

  /** shutdown + exit, as an editor ends a session; the server's exit code. */
  async stop(): Promise<number | null> {
    await this.request('shutdown', null);
    await this.connection.sendNotification('exit');
    const code = await withTimeout(this.#exited, 'the server did not exit');
    this.connection.dispose();
    return code;
  }

  kill(): void {
    this.connection.dispose();
    this.child.kill();
  }
}

function withTimeout<T>(p: Promise<T>, what: string, ms = 20_000): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms))),
  ]);
}

/** The LSP position of the `nth` occurrence of `needle` in `text`, plus `offset` characters. */
export function positionOf(text: string, needle: string, offset = 0, nth = 1): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`${JSON.stringify(needle)} occurs fewer than ${nth} times`);
  }
  at += offset;
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  return { line, character: at - (before.lastIndexOf('\n') + 1) };
}
