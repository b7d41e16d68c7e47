// Every fuzz target, in the order reports list them. To add one (the hostile-API server driving
// `inventory pull` and `apply` belongs here), write test/fuzz/targets/NAME.ts exporting a
// defineTarget(...) and add it to this list: `npm test` and `npm run fuzz` both pick it up.
import type { FuzzTarget } from './target.ts';
import parser from './targets/parser.ts';
import specBytes from './targets/spec-bytes.ts';
import glob from './targets/glob.ts';
import expansion from './targets/expansion.ts';
import snapshot from './targets/snapshot.ts';
import config from './targets/config.ts';
import timestamp from './targets/timestamp.ts';
import mysqlUrl from './targets/mysql-url.ts';

export const targets: readonly FuzzTarget<never>[] = [parser, specBytes, glob, expansion, snapshot, config, timestamp, mysqlUrl] as FuzzTarget<never>[];

export function findTarget(name: string): FuzzTarget<never> | undefined {
  return targets.find((t) => t.name === name);
}
