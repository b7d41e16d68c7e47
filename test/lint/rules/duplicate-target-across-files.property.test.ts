// The cross-file rule finds, in one pass over a run's files, what a direct reading of its
// definition finds: for each file, each target (database restored whole, or table) that an
// earlier file of the run restores into the same instance first, names folded as the instance
// folds them, one message for a whole database instead of one per table of it.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import rule from '../../../src/lint/rules/duplicate-target-across-files.ts';
import { foldName } from '../../../src/compiler/names.ts';
import type { ProjectFile, Report } from '../../../src/lint/rule.ts';
import type { RestorePlan } from '../../../src/compiler/index.ts';

const name = fc.constantFrom('a', 'A', 'b', 'B', 'c');
const span = (start: number) => ({ start, end: start + 1 });
const planArb = fc.record({
  instanceId: fc.constantFrom('rm-1', 'rm-2'),
  caseInsensitive: fc.boolean(),
  exact: fc.boolean(),
  databases: fc.array(fc.record({ target: name, whole: fc.boolean(), tables: fc.array(name, { maxLength: 4 }) }), { maxLength: 4 }),
});

interface GenPlan {
  instanceId: string;
  caseInsensitive: boolean;
  exact: boolean;
  databases: { target: string; whole: boolean; tables: string[] }[];
}

function projectOf(plans: GenPlan[]): ProjectFile[] {
  return plans.map((p, i) => {
    let n = 0;
    const plan = {
      file: `f${i}.restore`,
      instanceId: p.instanceId,
      caseInsensitive: p.caseInsensitive,
      databases: p.databases.map((d) => ({ source: d.target, target: d.target, whole: d.whole, origin: span(n++), tables: d.tables.map((t) => ({ source: t, target: t, origin: span(n++) })) })),
    } as unknown as RestorePlan;
    // The line of an offset is the offset: enough to tell which claim a message names.
    const source = { position: (o: number) => ({ line: o, column: 1 }) };
    return { file: `f${i}.restore`, source, document: {}, ...(p.exact ? { specPlan: plan } : { plan }) } as unknown as ProjectFile;
  });
}

/** The definition, read directly: every earlier file's targets, for each file. */
function expected(project: ProjectFile[]): string[][] {
  const planOf = (f: ProjectFile) => (f.plan ?? f.specPlan)!;
  const first = (i: number, same: (f: ProjectFile, j: number) => number | undefined): string | undefined => {
    for (let j = 0; j < i; j++) {
      const start = same(project[j]!, j);
      if (start !== undefined) return `${project[j]!.file}:${start}`;
    }
    return undefined;
  };
  return project.map((file, i) => {
    const plan = planOf(file);
    const out: string[] = [];
    const ci = plan.caseInsensitive;
    for (const db of plan.databases) {
      const sameDb = (f: ProjectFile) => planOf(f).instanceId === plan.instanceId ? planOf(f).databases.filter((d) => foldName(d.target, ci) === foldName(db.target, ci)) : [];
      const whole = db.whole ? first(i, (f) => sameDb(f).find((d) => d.whole)?.origin.start) : undefined;
      if (whole) {
        out.push(`database ${db.target} ${whole} @${db.origin.start}`);
        continue;
      }
      for (const t of db.tables) {
        const other = first(i, (f) => sameDb(f).flatMap((d) => d.tables).find((u) => foldName(u.target, ci) === foldName(t.target, ci))?.origin.start);
        if (other) out.push(`table ${db.target}.${t.target} ${other} @${t.origin.start}`);
      }
    }
    return out;
  });
}

function actual(project: ProjectFile[]): string[][] {
  return project.map((file, index) => {
    const out: string[] = [];
    const report = (r: Report) => {
      const d = r.data as Record<string, string | number>;
      out.push(r.messageId === 'database' ? `database ${d['db']} ${d['other']}:${d['line']} @${r.span.start}` : `table ${d['db']}.${d['table']} ${d['other']}:${d['line']} @${r.span.start}`);
    };
    rule.check!({ ...file, options: {}, now: new Date(0), project, index, report });
    return out;
  });
}

test('one pass over the run finds what the rule’s definition finds, file by file', () => {
  fc.assert(
    fc.property(fc.array(planArb, { minLength: 1, maxLength: 6 }), fc.boolean(), fc.boolean(), (plans, ci1, ci2) => {
      // The files of a run on one instance share its case rule.
      const project = projectOf(plans.map((p) => ({ ...p, caseInsensitive: p.instanceId === 'rm-1' ? ci1 : ci2 })));
      assert.equal(actual(project), expected(project));
    }),
    { numRuns: 3000 },
  );
});

test.run();
