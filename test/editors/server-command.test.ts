// Which restorec the VS Code extension starts: a table of settings, workspaces and trust.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { serverCommand, type ServerCommandInput } from '../../editors/vscode/src/server-command.ts';

const installed = '/work/repo/node_modules/restorec/bin/restorec.cjs';
const base: ServerCommandInput = { setting: '', folders: ['/work/repo'], trusted: true, exists: (p) => p === installed };

const cases: [string, Partial<ServerCommandInput>, ReturnType<typeof serverCommand>][] = [
  ['the workspace install comes first', {}, { kind: 'module', path: installed, from: '/work/repo/node_modules/restorec' }],
  ['else restorec on PATH', { exists: () => false }, { kind: 'command', command: 'restorec', from: 'PATH' }],
  ['an untrusted workspace never runs its own install', { trusted: false }, { kind: 'command', command: 'restorec', from: 'PATH' }],
  ['a second folder is searched too', { folders: ['/work/other', '/work/repo'] }, { kind: 'module', path: installed, from: '/work/repo/node_modules/restorec' }],
  ['the setting wins: a script runs with node', { setting: '/opt/restorec/bin/restorec.cjs' }, { kind: 'module', path: '/opt/restorec/bin/restorec.cjs', from: 'the restorec.path setting' }],
  ['the setting, relative to the workspace folder', { setting: 'tools/restorec/bin/restorec.cjs' }, { kind: 'module', path: '/work/repo/tools/restorec/bin/restorec.cjs', from: 'the restorec.path setting' }],
  ['the setting: an executable by path', { setting: '/usr/local/bin/restorec' }, { kind: 'command', command: '/usr/local/bin/restorec', from: 'the restorec.path setting' }],
  ['the setting: a command name is looked up on PATH', { setting: ' restorec-dev ' }, { kind: 'command', command: 'restorec-dev', from: 'the restorec.path setting' }],
  ['no folder open', { folders: [] }, { kind: 'command', command: 'restorec', from: 'PATH' }],
];

for (const [name, input, expected] of cases) {
  test(name, () => assert.equal(serverCommand({ ...base, ...input }), expected));
}

test.run();
