// The commands shown in the CI example, the pre-commit hooks and the CI docs use commands and
// options that exist: a renamed flag must not leave users a workflow that fails on merge.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { findCommand } from '../../src/cli/commands.ts';

const sources = ['examples/ci/restorec.yml', 'action.yml', '.pre-commit-hooks.yaml', 'docs/ci.md', 'docs/install.md', 'README.md', 'docs/editors.md', 'docs/config.md'];

for (const file of sources) {
  test(`restorec invocations in ${file} name real commands and options`, () => {
    const text = readFileSync(file, 'utf8');
    const calls = [...text.matchAll(/\brestorec ([a-z]+)((?: +-{1,2}[a-z][a-z-]*(?:[ =][^\s`"'|>\]]+)?)*)/g)];
    let checked = 0;
    for (const [whole, name, rest] of calls) {
      const spec = findCommand(name);
      if (!spec) continue; // prose such as "restorec is"
      checked++;
      for (const m of (rest ?? '').matchAll(/--(no-)?([a-z][a-z-]*)/g)) {
        const option = m[2]!;
        const known = option in spec.options || Object.values(spec.options).some((o) => o.alias === option) || option === 'help';
        assert.ok(known, `${file}: \`${whole.trim()}\` uses --${m[1] ?? ''}${option}, which restorec ${name} does not have`);
      }
    }
    assert.ok(checked > 0, `no restorec invocations found in ${file}`);
  });
}

test.run();
