// The VS Code side: registers nothing itself beyond what package.json declares (language,
// grammar, settings) and starts `restorec lsp` as the language client for `.restore` files.
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { serverCommand } from './server-command.ts';

let client: LanguageClient | undefined;

function serverOptions(): { options: ServerOptions; from: string } {
  const config = vscode.workspace.getConfiguration('restorec');
  const found = serverCommand({
    setting: config.get<string>('path'),
    folders: (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath),
    trusted: vscode.workspace.isTrusted,
    exists: existsSync,
  });
  if (found.kind === 'module') return { options: { module: found.path, args: ['lsp'], transport: TransportKind.stdio }, from: found.from };
  // A command found on PATH is `restorec.cmd` on Windows: only a shell resolves that.
  return { options: { command: found.command, args: ['lsp'], transport: TransportKind.stdio, options: { shell: process.platform === 'win32' } }, from: found.from };
}

function initializationOptions(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('restorec');
  return { config: config.get('config'), timeZone: config.get('timeZone'), hoverLimit: config.get('hoverLimit') };
}

async function start(): Promise<void> {
  const { options, from } = serverOptions();
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'restore' }],
    initializationOptions: initializationOptions(),
    synchronize: { configurationSection: 'restorec' },
    outputChannelName: 'restorec',
  };
  client = new LanguageClient('restorec', 'restorec', options, clientOptions);
  try {
    await client.start();
  } catch (e) {
    void vscode.window.showErrorMessage(
      `restorec: could not start \`restorec lsp\` (from ${from}): ${(e as Error).message}. Install restorec in the workspace (npm install restorec) or set restorec.path.`,
    );
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand('restorec.restartServer', async () => {
      await client?.stop();
      await start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('restorec.path')) {
        await client?.stop();
        await start();
      }
    }),
  );
  await start();
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
