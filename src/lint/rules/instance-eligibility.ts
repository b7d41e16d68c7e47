// Table restore exists only for some engines, versions, editions and storage types; the table of
// them is data (eligibility-table.ts), extended by the config's `allow` rows.
import { defineRule } from '../rule.ts';
import { candidateRows, describeRow, ELIGIBILITY, parseRows } from './eligibility-table.ts';
import { instanceSpan } from './spans.ts';

export default defineRule({
  id: 'instance-eligibility',
  description: 'The instance\'s engine, version, edition and storage type must support table restore.',
  defaultSeverity: 'error',
  recommended: true,
  needs: ['inventory'],
  messages: {
    ineligible: 'instance {{id}} is {{what}}, which does not support restoring individual databases and tables',
    unsupported: 'instance {{id}} runs {{engine}} {{version}}: RDS restores its databases, but restorec writes MySQL TableMeta only',
    badOption: 'instance-eligibility option: {{problem}}',
  },
  defaultOptions: { allow: [] },
  // RestoreTable's refusal, and DescribeMetaList's (the live reader's first call for a backup).
  predicts: ['IncorrectDBInstanceType', 'IncorrectEngineVersion', 'InvalidSourceCategory'],
  check(ctx) {
    const inst = ctx.inventory!.instance;
    const span = instanceSpan(ctx);
    const allow = parseRows(ctx.options['allow']);
    if (typeof allow === 'string') {
      ctx.report({ messageId: 'badOption', data: { problem: allow }, span, help: 'see docs/rules/instance-eligibility.md for the row shape' });
      return;
    }
    const rows = [...allow, ...ELIGIBILITY];
    const candidates = candidateRows(rows, inst);
    if (candidates.length === 0) {
      const what = `${inst.Engine} ${inst.EngineVersion} ${inst.Category ?? '(edition unknown)'} on ${inst.DBInstanceStorageType ?? '(storage unknown)'}`;
      ctx.report({
        messageId: 'ineligible',
        data: { id: inst.DBInstanceId, what },
        span,
        help: `eligible: ${rows.filter((r) => r.restorec !== false).map(describeRow).join('; ')}. Restore the whole instance to a new one instead, or add an \`allow\` row if Alibaba Cloud now supports it`,
      });
      return;
    }
    // With an edition or storage type unknown, several rows may fit: decide only when all agree.
    // (facts-unknown says which facts were missing.)
    if (candidates.every((r) => r.restorec === false)) {
      ctx.report({ messageId: 'unsupported', data: { id: inst.DBInstanceId, engine: inst.Engine, version: inst.EngineVersion }, span, help: 'restore with the console or the API directly; restorec supports RDS for MySQL' });
    }
  },
});
