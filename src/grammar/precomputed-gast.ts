// The grammar's productions and lookahead paths as the build recorded them (see gast-cache.ts
// and lookahead-cache.ts). The build replaces
// this module's contents in the bundle with the data (scripts/build.mjs); run from the sources
// (the tests, tsx) there is none, and chevrotain records the grammar itself.
import type { RecordedGrammar } from './gast-cache.ts';
import type { RecordedLookahead } from './lookahead-cache.ts';

export const PRECOMPUTED_GAST: RecordedGrammar | undefined = undefined;
export const PRECOMPUTED_LOOKAHEAD: RecordedLookahead | undefined = undefined;
