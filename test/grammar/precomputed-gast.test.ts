// The bundle's parser is built from the productions the build recorded (src/grammar/gast-cache.ts)
// instead of recording them at every start. Checked here: the data gives chevrotain the very
// productions it records (every field, by its own serializer and ours), the parser built from
// it parses every spec of the test suite and the examples exactly as a recording parser does
// (trees, errors, recovery), and data for other rules than the grammar's is not used.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseText, repositorySpecs } from '../helpers/repository-specs.ts';
import { readFileSync } from 'node:fs';
import { parserWith, recordedGrammar } from '../../src/grammar/parser.ts';
import { tokenize } from '../../src/grammar/lexer.ts';
import { serializeGrammarRules } from '../../src/grammar/gast-cache.ts';

const data = recordedGrammar();
const recording = parserWith(undefined);
const fromData = parserWith(data);

test('the same productions: chevrotain\'s serialization and every field', () => {
  assert.ok(Object.keys(data).length > 5);
  assert.equal(fromData.getSerializedGastProductions(), recording.getSerializedGastProductions());
  assert.equal(serializeGrammarRules(fromData.getGAstProductions()), serializeGrammarRules(recording.getGAstProductions()));
  // JSON survives the trip the build makes (a JSON string in the bundle).
  assert.equal(JSON.parse(JSON.stringify(data)), data);
});

test('the same trees and errors for every spec and mistake in the repository', () => {
  const files = repositorySpecs();
  assert.ok(files.length > 100, `${files.length} files`);
  const tree = (p: typeof recording, text: string) => parseText(p, tokenize(text).tokens);
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    assert.is(tree(fromData, text), tree(recording, text), f);
  }
});

test('data for other rules (a build older than the grammar) is not used: the parser records', () => {
  const { document: _dropped, ...stale } = data;
  const p = parserWith(stale);
  assert.equal(p.getSerializedGastProductions(), recording.getSerializedGastProductions());
  const renamed = { ...stale, other: data['document']! };
  assert.equal(parserWith(renamed).getSerializedGastProductions(), recording.getSerializedGastProductions());
});

test.run();
