// What the language server reads from disk for a spec: the lint config (the nearest
// restorec.config.json, or the configured one) and the snapshot beside the spec
// (NAME.inventory.json). Never the network. Each file is read again only when its size or
// modification time changes, so a keystroke costs a stat, not a 100,000-table JSON parse.
import { statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { SourceFile } from '../grammar/index.ts';
import { readJsonTextBounded, sizeWords } from '../grammar/read-bounded.ts';
import { loadSnapshot, MAX_SNAPSHOT_BYTES, SNAPSHOT_REFUSED, type Inventory } from '../compiler/index.ts';
import { CONFIG_REFUSED, ConfigError, findConfig, MAX_CONFIG_BYTES, parseConfig, type Config } from '../lint/config.ts';
import { rules } from '../lint/registry.ts';
import { neighbourSnapshot } from '../cli/snapshots.ts';

export type ConfigState =
  | { kind: 'default' }
  | { kind: 'ok'; path: string; config: Config }
  | { kind: 'broken'; path: string; message: string; problems: string[] };

export interface Snapshot {
  path: string;
  text: string;
  inventory: Inventory;
  /** For positions in the snapshot text (go-to-definition). */
  source: SourceFile;
}

export type SnapshotState =
  | { kind: 'none'; path?: string }
  | { kind: 'ok'; snapshot: Snapshot }
  | { kind: 'broken'; path: string; problems: string[] };

interface Entry<T> {
  key: string;
  value: T;
}

/**
 * Values computed from a file's text, recomputed when the file changes on disk. Read as the CLI
 * reads it: at most `limit` bytes (a snapshot of 600 MB beside a spec must not
 * take the editor's memory), a larger file refused unread in `refused`'s words.
 */
class FileCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  constructor(
    readonly limit: number,
    readonly refused: string,
    readonly load: (path: string, text: string) => T,
  ) {}

  /** undefined when the file does not exist (or cannot be statted). */
  get(path: string): T | { unreadable: string } | undefined {
    let key: string;
    try {
      const s = statSync(path);
      if (!s.isFile()) return { unreadable: 'it is not a file' };
      key = `${s.size}:${s.mtimeMs}:${s.ino}`;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        this.#entries.delete(path);
        return undefined;
      }
      return { unreadable: String(code ?? e) };
    }
    const hit = this.#entries.get(path);
    if (hit && hit.key === key) return hit.value;
    let text: string;
    try {
      const read = readJsonTextBounded(path, this.limit);
      if ('tooLarge' in read) return { unreadable: `it is ${sizeWords(read.size, this.limit)}; ${this.refused}` };
      text = read.text;
    } catch (e) {
      return { unreadable: String((e as NodeJS.ErrnoException).code ?? e) };
    }
    const value = this.load(path, text);
    this.#entries.set(path, { key, value });
    return value;
  }

  /** Drops every entry but `keep`'s: a closed spec's snapshot need not stay in memory. */
  retain(keep: ReadonlySet<string>): void {
    for (const path of this.#entries.keys()) if (!keep.has(path)) this.#entries.delete(path);
  }
}

const isUnreadable = (x: unknown): x is { unreadable: string } => typeof x === 'object' && x !== null && 'unreadable' in x;

export class SpecFiles {
  readonly #configs = new FileCache<ConfigState>(MAX_CONFIG_BYTES, CONFIG_REFUSED, (path, text) => {
    try {
      return { kind: 'ok', path, config: parseConfig(text, path, rules) };
    } catch (e) {
      if (e instanceof ConfigError) return { kind: 'broken', path, message: e.message, problems: e.problems };
      throw e;
    }
  });
  readonly #snapshots = new FileCache<SnapshotState>(MAX_SNAPSHOT_BYTES, SNAPSHOT_REFUSED, (path, text) => {
    const loaded = loadSnapshot(text, path);
    if (!loaded.ok) return { kind: 'broken', path, problems: loaded.problems };
    return { kind: 'ok', snapshot: { path, text, inventory: loaded.inventory, source: new SourceFile(path, text) } };
  });

  /**
   * The config `restorec lint` would use for this spec: `configPath` (the editor's setting,
   * relative to `root`) when given, else the nearest restorec.config.json above the spec.
   */
  config(specPath: string | undefined, root: string | undefined, configPath: string | undefined): ConfigState {
    const start = specPath ? dirname(specPath) : (root ?? process.cwd());
    const path = configPath ? (isAbsolute(configPath) ? configPath : resolve(root ?? start, configPath)) : findConfig(start);
    if (path === undefined) return { kind: 'default' };
    const got = this.#configs.get(path);
    if (got === undefined) return configPath ? { kind: 'broken', path, message: `cannot read config file ${path}: no such file`, problems: [] } : { kind: 'default' };
    if (isUnreadable(got)) return { kind: 'broken', path, message: `cannot read config file ${path}: ${got.unreadable}`, problems: [] };
    return got;
  }

  /** Forgets the snapshots of specs no longer open (configs are small and shared: kept). */
  retainSnapshotsOf(openSpecs: readonly (string | undefined)[]): void {
    this.#snapshots.retain(new Set(openSpecs.flatMap((p) => (p === undefined ? [] : [neighbourSnapshot(p) ?? []].flat()))));
  }

  /** The snapshot beside the spec: `incident.restore` → `incident.inventory.json`. */
  snapshot(specPath: string | undefined): SnapshotState {
    const path = specPath === undefined ? undefined : neighbourSnapshot(specPath);
    if (path === undefined) return { kind: 'none' };
    const got = this.#snapshots.get(path);
    if (got === undefined) return { kind: 'none', path };
    if (isUnreadable(got)) return { kind: 'broken', path, problems: [`cannot read the inventory snapshot ${path}: ${got.unreadable}`] };
    return got;
  }
}
