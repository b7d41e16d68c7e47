// `restorec lint --format sarif` for GitHub code scanning, through the built CLI: URIs relative to
// the repository root (found from .git, or given by --repo-root / RESTOREC_REPO_ROOT), each
// rule's doc page as help.markdown from the installed docs/, and the output valid SARIF 2.1.0.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { restorec, tempDir } from '../helpers/cli.ts';

const require = createRequire(import.meta.url);
const SPEC = 'instance rm-1\nfrom backup 1\nrestore db shop < table orders as x, table customers as x >\n';

/** A repository (`.git` folder) with the spec in team/specs/. */
function repository(): { root: string; specs: string } {
  const root = realpathSync(tempDir());
  mkdirSync(join(root, '.git'));
  const specs = join(root, 'team', 'specs');
  mkdirSync(specs, { recursive: true });
  writeFileSync(join(specs, 'spec.restore'), SPEC);
  return { root, specs };
}

const run = (args: string[], cwd: string, env: Record<string, string> = {}) => {
  const r = restorec(['lint', '--no-live', '-f', 'sarif', ...args], { cwd, env });
  assert.is(r.status, 1, r.stderr);
  return JSON.parse(r.stdout).runs[0];
};
const uriOf = (run: { results: { locations: { physicalLocation: { artifactLocation: unknown } }[] }[] }) => run.results[0]!.locations[0]!.physicalLocation.artifactLocation;

test('run from a subfolder: the URI is relative to the repository root found from .git', () => {
  const { root, specs } = repository();
  const sarif = run(['spec.restore'], specs);
  assert.equal(uriOf(sarif), { uri: 'team/specs/spec.restore', uriBaseId: '%SRCROOT%' });
  assert.is(sarif.originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(root).href + '/');
});

test('--repo-root and RESTOREC_REPO_ROOT choose the root; the flag wins', () => {
  const { root, specs } = repository();
  assert.equal(uriOf(run(['--repo-root', join(root, 'team'), 'spec.restore'], specs)), { uri: 'specs/spec.restore', uriBaseId: '%SRCROOT%' });
  assert.equal(uriOf(run(['spec.restore'], specs, { RESTOREC_REPO_ROOT: join(root, 'team') })), { uri: 'specs/spec.restore', uriBaseId: '%SRCROOT%' });
  assert.equal(uriOf(run(['--repo-root', root, 'spec.restore'], specs, { RESTOREC_REPO_ROOT: join(root, 'team') })), { uri: 'team/specs/spec.restore', uriBaseId: '%SRCROOT%' });
});

test("help.markdown is the rule's doc page; the log is valid SARIF 2.1.0", () => {
  const { specs } = repository();
  const sarif = run(['spec.restore'], specs);
  const rule = sarif.tool.driver.rules.find((r: { id: string }) => r.id === 'target-collision');
  assert.is(rule.help.markdown, readFileSync('docs/rules/target-collision.md', 'utf8'));
  const Ajv4 = require('ajv-draft-04');
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const validate = new Ajv4({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
  const log = { version: '2.1.0', runs: [sarif] };
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 1));
  assert.match(sarif.invocations[0].toolExecutionNotifications[0].message.text, /rules skipped on 1 file, so this is not a full check/);
});

test.run();
