// Runs one fuzz target for a given time and reports on stdout, one JSON object per line:
// `{"progress": N}` after each second's inputs, then `{"result": {...}}`. Started by
// scripts/fuzz.mjs, which watches the progress lines to catch a hang. Planted secrets are
// redacted from its own reports, so any that reach its output came from the code under test.
//   node --import tsx test/fuzz/worker.ts --target NAME --seconds N [--seed S]
//   node --import tsx test/fuzz/worker.ts --list
import fc from 'fast-check';
import { writeSync } from 'node:fs';
import { findTarget, targets } from './registry.ts';
import { escapeChar, INVISIBLE_RANGES } from '../../src/grammar/visible.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
};
const emit = (o: unknown) => writeSync(1, JSON.stringify(o) + '\n');

if (process.argv.includes('--list')) {
  emit({ targets: targets.map((t) => ({ name: t.name, kind: t.kind, boundMs: t.boundMs, secrets: t.secrets ?? [] })) });
  process.exit(0);
}

const target = findTarget(arg('target') ?? '');
if (!target) {
  process.stderr.write(`unknown target ${arg('target')}; --list lists them\n`);
  process.exit(2);
}
const seconds = Number(arg('seconds') ?? 10);
const seed = arg('seed') !== undefined ? Number(arg('seed')) : Math.floor(Math.random() * 2 ** 31);
const secrets = target.secrets ?? [];
const hide = (s: string) => secrets.reduce((out, x) => out.split(x).join('<planted secret>'), s);
const show = (input: unknown) => {
  // Invisible and control characters as \uXXXX: a report must not reorder the terminal either.
  const text = hide(fc.stringify(input)).replace(new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f${INVISIBLE_RANGES}]`, 'g'), escapeChar);
  return text.length > 2000 ? `${text.slice(0, 2000)}... (${text.length} characters)` : text;
};

// Whatever the code under test writes to stdout or stderr is searched for the planted secrets.
let leaks = 0;
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream);
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    const text = String(chunk);
    if (secrets.some((s) => text.includes(s))) leaks++;
    return (write as (c: unknown, ...r: unknown[]) => boolean)(hide(text), ...rest);
  }) as typeof stream.write;
}

emit({ start: { target: target.name, seed } }); // so that a run killed as hung can be replayed

let runs = 0;
let overBound = 0;
let overBoundExample: string | undefined;
let slowestMs = 0;
let lastProgress = Date.now();
const result = await fc.check(
  fc.asyncProperty(target.arbitrary, async (input) => {
    const t0 = performance.now();
    try {
      await target.check(input as never);
    } finally {
      const ms = performance.now() - t0;
      runs++;
      slowestMs = Math.max(slowestMs, ms);
      if (ms > target.boundMs) {
        overBound++;
        overBoundExample ??= `${Math.round(ms)} ms: ${show(input)}`;
      }
      if (Date.now() - lastProgress >= 1000) {
        emit({ progress: runs });
        lastProgress = Date.now();
      }
    }
  }),
  { seed, numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: seconds * 1000, markInterruptAsFailure: false },
);
const error = result.failed ? hide(String((result.errorInstance as Error | undefined)?.message ?? 'interrupted')).split('\n')[0] : undefined;
emit({
  result: {
    target: target.name,
    kind: target.kind,
    seed,
    runs,
    failed: result.failed,
    ...(result.failed ? { counterexample: show(result.counterexample), error, path: result.counterexamplePath } : {}),
    overBound,
    ...(overBoundExample ? { overBoundExample } : {}),
    slowestMs: Math.round(slowestMs),
    leaks,
  },
});
process.exit(0);
