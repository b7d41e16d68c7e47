// `restorec rules [--format text|json]`: every rule with its default severity and what it needs.
import { rules } from '../../lint/registry.ts';
import { EXIT_OK } from '../errors.ts';

export function rulesCommand(opts: { format: string }): number {
  if (opts.format === 'json') {
    const list = rules.map((r) => ({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity, recommended: r.recommended, needs: r.needs, predicts: r.predicts ?? [] }));
    process.stdout.write(JSON.stringify(list, null, 2) + '\n');
    return EXIT_OK;
  }
  const width = Math.max(...rules.map((r) => r.id.length));
  for (const r of rules) {
    const sev = r.recommended ? r.defaultSeverity : 'off';
    process.stdout.write(`${r.id.padEnd(width)}  ${sev.padEnd(5)}  ${r.needs.join('+').padEnd(14)}  ${r.description}\n`);
  }
  return EXIT_OK;
}
