// `restorec lsp [--stdio]`: the language server for editors, over stdin/stdout. It runs until
// the client sends `exit` or closes the stream (vscode-languageserver ends the process then).
import { startServer } from '../../lsp/server.ts';
import { UserError } from '../errors.ts';

export function lspCommand(opts: { stdio: boolean }): Promise<number> {
  if (!opts.stdio) throw new UserError('restorec lsp talks over stdio only', 'run `restorec lsp --stdio` (or just `restorec lsp`) from the editor');
  if (process.stdin.isTTY) process.stderr.write('restorec lsp: a language server for editors; it reads LSP messages on stdin (Ctrl-D ends it)\n');
  startServer(process.stdin, process.stdout);
  return new Promise<number>(() => {}); // the server ends the process
}
