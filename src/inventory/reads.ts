// The fields restorec reads from each answer. Every answer is checked against the contract's
// response schema for exactly these fields (their documented types): a field restorec ignores
// can never stop a restore, and a field it relies on can never be misread.
import { checkerFrom, responseChecker } from '../contract/response.ts';
import { READS } from './read-paths.ts';
import { READ_PATHS, READ_VALIDATORS } from '../compiler/generated/read-validators.js';

export { READS };
import type { ApiBody, Params } from '../cloud/client.ts';
import { InventoryError } from './errors.ts';


/**
 * The checker for `action`'s answers: compiled at build time (scripts/gen-validators.mjs) from
 * these same lists, or by ajv now (cached by responseChecker) when the build's lists differ (a
 * source edited since).
 */
function readChecker(action: string): (body: unknown) => { path: string; message: string }[] {
  const reads = READS[action] ?? [];
  const built = READ_PATHS[action] === reads.join(',') ? READ_VALIDATORS[action] : undefined;
  return built ? checkerFrom(built) : responseChecker(action, 'reads', reads);
}

/** What the reader needs of a client: RdsClient, or a fake in tests. */
export interface RdsCaller {
  call(action: string, params?: Params): Promise<ApiBody>;
  /** Calls it runs at once, when bounded: a reader asks for no more pages ahead than that. */
  readonly concurrency?: number;
}

/** One call whose answer is checked against the contract for the fields restorec reads. */
export async function read(api: RdsCaller, action: string, params: Params): Promise<ApiBody> {
  const body = await api.call(action, params);
  const problems = readChecker(action)(body);
  if (problems.length > 0) {
    throw new InventoryError(
      `${action} answered with fields restorec cannot read as the API documents them; nothing is used from this inventory`,
      problems.map((p) => `${action}: ${p.path}: ${p.message}`),
    );
  }
  return body;
}
