// The mistakes corpus (test/lint/mistakes): reading a fixture's headers and linting it as
// `restorec lint` does, for the golden test and the test through the CLI.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../src/grammar/index.ts';
import { loadSnapshot, type Inventory } from '../../src/compiler/index.ts';
import { lint } from '../../src/lint/lint.ts';
import { rules } from '../../src/lint/registry.ts';
import { parseConfig, type Config } from '../../src/lint/config.ts';
import { formatStylish } from '../../src/lint/formatters/stylish.ts';

export const MISTAKES = 'test/lint/mistakes';
/** The clock of every run: just after the incident the corpus's times are about. */
export const NOW = new Date('2026-11-20T04:00:00Z');

export interface Mistake {
  name: string;
  text: string;
  description: string;
  inventory?: Inventory;
  config: Config;
  errorsOnALine: number;
  /** `# expect: no problems`: a fixture showing that something is accepted (a suppression). */
  clean: boolean;
}

export function readMistake(file: string): Mistake {
  const text = readFileSync(join(MISTAKES, file), 'utf8');
  const header = (key: string) => new RegExp(`^# ${key}: (.*)$`, 'm').exec(text)?.[1];
  const description = header('mistake');
  if (!description) throw new Error(`${file}: the first line must say \`# mistake: ...\``);
  const m: Mistake = { name: file, text, description, config: {}, errorsOnALine: Number(/^(\d+)/.exec(header('errors-on-a-line') ?? '1')![1]), clean: /^no problems/.test(header('expect') ?? '') };
  const inv = header('inventory');
  if (inv) {
    const path = join(MISTAKES, `${inv}.inventory.json`);
    const loaded = loadSnapshot(readFileSync(path, 'utf8'), path);
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    m.inventory = loaded.inventory;
  }
  const config = header('config');
  if (config) m.config = parseConfig(config, 'restorec.config.json', rules);
  return m;
}

/** What `restorec lint` prints for the mistake (stylish, no colour), TZ=UTC so no machine zone. */
export function lintMistake(m: Mistake) {
  const zone = m.config.timeZone;
  const parsed = parse(m.text, m.name, [], { timestamps: () => (zone ? { defaultZone: zone } : {}) });
  const [result] = lint([{ ...parsed, ...(m.inventory ? { inventory: m.inventory } : {}) }], { config: m.config, rules, now: NOW });
  return { result: result!, output: formatStylish([result!]) };
}
