// pop-core's answers are parsed by JSON.parse where that reads them exactly as json-bigint does
// (src/cloud/answer-json.ts): the same values, keys in the same order, objects without a
// prototype, BigNumber objects for long numbers, and the same refusals.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { answerParser, installAnswerParser } from '../../src/cloud/answer-json.ts';

const require = createRequire(import.meta.url);
const fromPopCore = createRequire(require.resolve('@alicloud/pop-core'));
type Parse = (source: unknown, reviver?: (key: string, value: unknown) => unknown) => unknown;
const jsonBigint = fromPopCore('json-bigint') as { parse: Parse };
const original = jsonBigint.parse;
const fast = answerParser(original);

/** A value as text that tells apart everything json-bigint can give: prototypes, BigNumbers, -0. */
function shape(v: unknown): string {
  if (v === null || typeof v !== 'object') return typeof v === 'number' && Object.is(v, -0) ? '-0' : `${typeof v}:${JSON.stringify(v)}`;
  if (Array.isArray(v)) return `[${v.map(shape).join(',')}]`;
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== null && proto !== Object.prototype) return `${(v as { constructor?: { name?: string } }).constructor?.name}:${String(v)}`;
  return `${proto === null ? 'null-proto' : 'object'}{${Object.keys(v).map((k) => `${JSON.stringify(k)}:${shape((v as Record<string, unknown>)[k])}`).join(',')}}`;
}

function outcome(parse: Parse, text: string): string {
  try {
    return shape(parse(Buffer.from(text)));
  } catch (e) {
    const err = e as { name?: string; message?: string };
    return `throws ${err.name}: ${err.message}`;
  }
}

const agree = (text: string) => assert.is(outcome(fast, text), outcome(original, text), text.slice(0, 200));

test('the same value or the same refusal, on answers as the API writes them and on odd ones', () => {
  for (const text of [
    '{"RequestId":"A","Items":{"Meta":[{"Database":"shop","Tables":"a,b","Size":12}]},"TotalRecordCount":1}',
    '{"BackupId":12345678901234567890,"x":1}', '{"n":-1234567.1234567}', '{"n":-123456.1234567}',
    '{"n":1234567890123456}', '{"n":123456789012345}', '{"n":-123456789012345}', '{"n":0.1234567890123456}',
    '{"n":1e400}', '{"n":1E5}', '{"n":-0}', '[1,2,3]', '"text"', '12345678901234567', '1e3', 'null', 'true',
    '{"__proto__":{"x":1}}', '{"a":{"constructor":1}}', '{"myconstructorX":1}', '{"\\u005f_proto__":1}', '{"a":"\\u00e9"}',
    '{"a":1,"a":2}', '{"2":1,"1":2,"b":3,"a":4}', '{"a":"x\u0001y"}', '\u0001{"a":1}', '\ufeff{"a":1}', '{"a":01}', '{"a":1,}', '', '   ', '{', 'nul', '-.e5',
    '{"t":"2026-11-20T03:15:00Z","s":"1234567890123456789"}', '[1, 2e5]', '{"a": -.5E1}', '{"a":[0.5e-3]}', '{"id":"85E8C2F5"}',
  ]) agree(text);
});

test('property: generated JSON, with long numbers and suspicious keys mixed in', () => {
  const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', 'xconstructor', 'toString', 'hasOwnProperty', '0', '10', 'é'));
  const num = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map((b) => Number(b)), fc.constantFrom(9007199254740993, 1e21, 0.1, -0));
  const value = fc.letrec((tie) => ({
    v: fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 8 }), num, fc.boolean(), fc.constant(null), fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(key, tie('v'), { maxKeys: 4 })),
  })).v;
  fc.assert(
    fc.property(value, (v) => {
      const text = JSON.stringify(v);
      agree(text);
      agree(text.replace(/"([-\d.]{3,})"/g, '$1')); // digit strings as bare numbers, long ones too
    }),
    { numRuns: 1000 },
  );
  fc.assert(fc.property(fc.json(), (text) => agree(text)), { numRuns: 1000 });
});

test('an ordinary answer never reaches json-bigint; one with a long number does', () => {
  let calls = 0;
  const spy = answerParser((source, reviver) => (calls++, original(source, reviver)));
  spy(Buffer.from('{"RequestId":"A","Items":{"Meta":[{"Database":"shop","Tables":"a,b","Size":123456789012345}]},"PageNumber":1}'));
  spy(Buffer.from('{"RequestId":"6056F5CD-04F8-4F07-BF12-85E8C2F52DFA","Items":[1.5e]}'.replace('1.5e', '1.5'))); // hex with digit-E in a string
  spy(Buffer.from('{"RequestId":"6056F5CD-04F8-4F07-BF12-85E8C2F52DFA","T":"2026-11-20T03:15:00Z"}'));
  assert.is(calls, 0);
  spy(Buffer.from('{"RequestId":"A","BackupId":1234567890123456}'));
  assert.is(calls, 1);
});

test('restorec and pop-core share one json-bigint (so pop-core parses through what restorec installs)', async () => {
  const ours = (await import('json-bigint')).default as unknown;
  assert.is(ours, jsonBigint);
  const pkg = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as { dependencies: Record<string, string> };
  assert.is(pkg('package.json').dependencies['json-bigint'], pkg(fromPopCore.resolve('@alicloud/pop-core/package.json')).dependencies['json-bigint']);
});

test('installed: pop-core reads answers through it, and installing twice wraps once', () => {
  installAnswerParser();
  const once = jsonBigint.parse;
  installAnswerParser();
  assert.is(jsonBigint.parse, once);
  assert.is.not(once, original);
  assert.is(shape(once('{"BackupId":12345678901234567890}')), shape(original('{"BackupId":12345678901234567890}')));
  jsonBigint.parse = original;
});

test.run();
