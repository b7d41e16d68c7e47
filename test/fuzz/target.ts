// What a fuzz target is: a kind of input restorec reads, a generator of such inputs (hostile ones
// included), and a check that throws when restorec crashes or breaks a promise on one of them.
// Targets are listed in registry.ts; `npm test` runs each for `testRuns` inputs
// (test/fuzz/fuzz.test.ts), `npm run fuzz` for as long as it is given (scripts/fuzz.mjs).
import type fc from 'fast-check';

export interface FuzzTarget<T = unknown> {
  /** Short id, used on the command line: `npm run fuzz -- --target parser`. */
  name: string;
  /** The kind of input, as the report counts them: "spec text", "inventory snapshot", ... */
  kind: string;
  arbitrary: fc.Arbitrary<T>;
  /** Checks one input: throws (or rejects) on a crash or a broken invariant. */
  check(input: T): void | Promise<void>;
  /** How long one input may take before it counts as a hang (ms). Generous: a bound, not a target. */
  boundMs: number;
  /** Inputs per `npm test` run: enough to catch a regression, few enough to stay fast. */
  testRuns: number;
  /** Planted secrets (fake passwords, keys): they must appear in nothing the target prints. */
  secrets?: readonly string[];
}

export function defineTarget<T>(t: FuzzTarget<T>): FuzzTarget<T> {
  return t;
}

/** A failed invariant, with the input kind in the message. */
export function fail(message: string): never {
  throw new Error(message);
}
