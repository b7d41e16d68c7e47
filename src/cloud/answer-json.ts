// How pop-core reads an answer. It parses every answer with json-bigint, a pure-JS parser: about
// 11 ms for a 285 KB DescribeMetaList page in a fresh process, against under 3 ms for JSON.parse
// with the checks below (bench/pull reads two such pages and 25 DescribeDatabases pages). It
// does so for long numbers, which it keeps exactly as BigNumber objects. Where nothing can come
// out differently, JSON.parse gives the same value, with objects that have no prototype, as
// json-bigint makes them; everything else still goes to json-bigint, so no answer reads
// differently from how pop-core alone reads it:
// - a run of 16 characters of `-`, digits and `.` (every number literal json-bigint turns into
//   a BigNumber is one), or a number with an exponent (`1e400`: json-bigint refuses what
//   JSON.parse reads as Infinity): `-`, digits and `.` then `e` right after `:`, `,` or `[`;
// - `__proto__` or `constructor` anywhere (json-bigint refuses an answer with a key holding
//   either), and any `\u` escape (which could spell one);
// - anything JSON.parse refuses (json-bigint is more lenient about whitespace and raw control
//   characters in strings, and its error is the one the client expects: see client.ts).
// False alarms only cost the speed. test/cloud/answer-json.test.ts checks the two agree.
import jsonBigint from 'json-bigint';

type Parse = (source: unknown, reviver?: (this: unknown, key: string, value: unknown) => unknown) => unknown;

// Three simple expressions scan a 285 KB answer in half the time one alternation of them takes.
const LONG_NUMBER = /[-\d.]{16}/;
const EXPONENT = /[:,[]\s*[-\d.]+[eE]/;
const EXPONENT_FIRST = /^\s*[-\d.]+[eE]/;

function needsJsonBigint(text: string): boolean {
  return text.includes('__proto__') || text.includes('constructor') || text.includes('\\u') || LONG_NUMBER.test(text) || EXPONENT.test(text) || EXPONENT_FIRST.test(text);
}

function withoutPrototype(_key: string, value: unknown): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.setPrototypeOf(value, null) : value;
}

/** JSON.parse where it gives what `jsonBigint` gives, `jsonBigint` elsewhere. */
export function answerParser(jsonBigint: Parse): Parse {
  return (source, reviver) => {
    const text = `${source as string}`; // as json-bigint converts it
    if (reviver === undefined && !needsJsonBigint(text)) {
      try {
        return JSON.parse(text, withoutPrototype);
      } catch {
        // json-bigint gives its own answer, or its own error
      }
    }
    return jsonBigint(text, reviver);
  };
}

let installed = false;

/**
 * Gives pop-core's json-bigint the faster parse. pop-core looks `parse` up on json-bigint's
 * exports at every answer (`JSON.parse(buffer)`, JSON being that module), so replacing it
 * there reaches pop-core wherever and whenever pop-core was loaded. The same module instance:
 * bundled, esbuild gives both the one copy; from node_modules, restorec depends on json-bigint
 * at pop-core's range, so npm installs one copy for both (test/cloud/answer-json.test.ts).
 */
export function installAnswerParser(): void {
  if (installed) return;
  installed = true;
  const exports = jsonBigint as unknown as { parse: Parse };
  exports.parse = answerParser(exports.parse);
}
