// Which restorec the extension starts as its language server: the configured one, the
// workspace's own install (node_modules/restorec), or `restorec` on PATH. Pure, so it is
// tested without VS Code.
import { isAbsolute, join, resolve } from 'node:path';

export type ServerCommand =
  /** A script run with the editor's Node (VS Code forks it): `bin/restorec.cjs`. */
  | { kind: 'module'; path: string; from: string }
  /** An executable run as is. */
  | { kind: 'command'; command: string; from: string };

export interface ServerCommandInput {
  /** The `restorec.path` setting ('' when unset). */
  setting: string | undefined;
  /** Workspace folder paths, first first. */
  folders: readonly string[];
  /** An untrusted workspace never gets to run its own code. */
  trusted: boolean;
  exists(path: string): boolean;
}

const SCRIPT = /\.(c|m)?js$/;

export function serverCommand(input: ServerCommandInput): ServerCommand {
  const setting = input.setting?.trim();
  if (setting) {
    const path = isAbsolute(setting) || !input.folders[0] ? setting : resolve(input.folders[0], setting);
    const bare = !setting.includes('/') && !setting.includes('\\');
    if (SCRIPT.test(setting)) return { kind: 'module', path, from: 'the restorec.path setting' };
    return { kind: 'command', command: bare ? setting : path, from: 'the restorec.path setting' };
  }
  if (input.trusted) {
    for (const folder of input.folders) {
      const script = join(folder, 'node_modules', 'restorec', 'bin', 'restorec.cjs');
      if (input.exists(script)) return { kind: 'module', path: script, from: `${folder}/node_modules/restorec` };
    }
  }
  return { kind: 'command', command: 'restorec', from: 'PATH' };
}
