// `at` times with IANA zones through the CLI: compile carries the UTC time the zone gives; a
// time without a zone is refused by every command that reads specs, naming the config's zone,
// the region's and the machine's with their UTC times, never suggesting Z; the config's
// `timeZone` is checked.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { restorec, tempDir } from '../helpers/cli.ts';

const dir = tempDir();
const example = JSON.parse(readFileSync('examples/incident-2026-11-20.inventory.json', 'utf8'));
// The example snapshot lists the contents at 03:15Z; the spec below names 10:42 in Beijing.
example.contents[0].RestoreTime = '2026-11-20T02:42:00Z';
writeFileSync(join(dir, 'beijing.inventory.json'), JSON.stringify(example));
const spec = (at: string) => `instance rm-uf6wjk5xxxxxxxxxx\nat ${at}\nrestore db shop < table orders as orders_restored >\n`;

test('`at 2026-11-20 10:42 Asia/Shanghai` compiles to RestoreTime 2026-11-20T02:42:00Z', () => {
  writeFileSync(join(dir, 'beijing.restore'), spec('2026-11-20 10:42 Asia/Shanghai'));
  const r = restorec(['compile', '--no-live', 'beijing.restore'], { cwd: dir });
  assert.is(r.status, 0, r.stderr);
  const [request] = JSON.parse(r.stdout);
  assert.is(request.RestoreTime, '2026-11-20T02:42:00Z');
  assert.match(r.stderr, /info `2026-11-20 10:42 Asia\/Shanghai` is 2026-11-20T02:42:00Z in UTC/);
  // fmt keeps the time as written.
  const f = restorec(['fmt', '--check', 'beijing.restore'], { cwd: dir });
  assert.is(f.status, 0, f.stdout + f.stderr);
});

test('a time without a zone: every command refuses it; the help names the likely zones and their UTC times, never Z', () => {
  const d = tempDir();
  writeFileSync(join(d, 'x.restore'), spec('2026-11-20 11:15').replace('instance rm-uf6wjk5xxxxxxxxxx\n', 'instance rm-uf6wjk5xxxxxxxxxx\nregion ap-northeast-1\n'));
  for (const args of [['fmt', '--check'], ['parse'], ['compile', '--no-live'], ['lint', '--no-live']]) {
    const r = restorec([...args, 'x.restore'], { cwd: d, env: { TZ: 'Europe/Berlin' } });
    const out = r.stdout + r.stderr;
    assert.ok(r.status === 1 || r.status === 2, `${args[0]}: ${r.status}`);
    assert.match(out, /`2026-11-20 11:15` has no time zone/, args[0]);
    assert.match(out, /`2026-11-20 11:15 Asia\/Tokyo` \(the zone of region ap-northeast-1\) is 2026-11-20T02:15:00Z/, args[0]);
    assert.match(out, /in Europe\/Berlin \(this machine's zone\) it is 2026-11-20T10:15:00Z/, args[0]);
    assert.not.match(out, /11:15:00Z|T11:15/, `${args[0]} suggests reading the time as UTC`);
  }
});

test('the config\'s timeZone comes first (the editor offers it as the fix: test/lsp/timezone); in UTC the machine is not named', () => {
  const d = tempDir();
  writeFileSync(join(d, 'restorec.config.json'), JSON.stringify({ timeZone: 'Asia/Shanghai' }));
  writeFileSync(join(d, 'x.restore'), spec('2026-11-20 11:15'));
  for (const args of [['compile', '--no-live'], ['lint', '--no-live']]) {
    const r = restorec([...args, 'x.restore'], { cwd: d, env: { TZ: 'UTC' } });
    const out = r.stdout + r.stderr;
    assert.match(out, /`2026-11-20 11:15 Asia\/Shanghai` \(the zone in restorec\.config\.json\) is 2026-11-20T03:15:00Z/, args[0]);
    assert.not.match(out, /machine/, args[0]);
  }
});

test('a config timeZone that is not a zone name is a config error with its position and a suggestion', () => {
  const d = tempDir();
  writeFileSync(join(d, 'restorec.config.json'), '{\n  "timeZone": "Asia/Shangai"\n}\n');
  writeFileSync(join(d, 'x.restore'), spec('2026-11-20T03:15:00Z'));
  const r = restorec(['lint', '--no-live', 'x.restore'], { cwd: d });
  assert.is(r.status, 2);
  assert.match(r.stderr, /restorec\.config\.json:2:\d+: timeZone: "Asia\/Shangai" is not an IANA zone name; write one such as "Asia\/Shanghai" \(did you mean "Asia\/Shanghai"\?\)/);
  writeFileSync(join(d, 'restorec.config.json'), '{ "timeZone": "CST" }');
  assert.match(restorec(['lint', '--no-live', 'x.restore'], { cwd: d }).stderr, /restorec\.config\.json:1:\d+: timeZone: "CST" is not an IANA zone name/);
});

test('a snapshot beside the spec that lacks the `at` time\'s contents: no hint to keep a snapshot beside the spec', () => {
  const d = tempDir();
  writeFileSync(join(d, 'x.inventory.json'), readFileSync('examples/incident-2026-11-20.inventory.json'));
  writeFileSync(join(d, 'x.restore'), spec('2026-11-20 10:42 Asia/Shanghai'));
  const r = restorec(['lint', '--no-live', 'x.restore'], { cwd: d });
  assert.is(r.status, 1);
  assert.match(r.stdout, /does not list the databases and tables of the backup contents at 2026-11-20T02:42:00Z/);
  assert.match(r.stdout, /it lists time 2026-11-20T03:15:00Z only; check the spec's `at` time, or take a snapshot that lists it: restorec inventory pull --instance rm-uf6wjk5xxxxxxxxxx --at 2026-11-20T02:42:00Z -o SNAPSHOT\.json/);
  assert.not.match(r.stdout + r.stderr, /without an inventory|beside each spec/);
  assert.match(r.stderr, /rules skipped on 1 file whose inventory gave no plan/);
});

test.run();
