// The response schemas restorec checks answers with are compiled at run time without checking
// them against the JSON Schema meta-schema (src/contract/response.ts: it halved a live command's
// start-up). Here every one is checked, in both modes, so a bad schema cannot slip through.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { engine, responseChecker, responseSchema } from '../../src/contract/response.ts';
import { READS } from '../../src/inventory/reads.ts';

const contract = JSON.parse(readFileSync(new URL('../../../shared/api/rds-2014-08-15.json', import.meta.url), 'utf8')) as { operations?: Record<string, unknown> };
const operations = Object.keys(contract.operations ?? {});

test('the shared contract lists the operations restorec reads', () => {
  assert.ok(operations.length > 0, 'no operations found in ../shared/api/rds-2014-08-15.json');
  for (const action of Object.keys(READS)) assert.ok(operations.includes(action), `${action} is not in the contract`);
});

for (const action of operations) {
  test(`${action}: its documented response schema is a valid JSON Schema`, () => {
    const ajv = engine(true);
    const schema = responseSchema(action, 'documented');
    assert.ok(ajv.validateSchema(schema), JSON.stringify(ajv.errors));
    ajv.compile(schema);
  });
}

for (const [action, reads] of Object.entries(READS)) {
  test(`${action}: the schema of the fields restorec reads is valid, and refuses a wrong type`, () => {
    const ajv = engine(true);
    const schema = responseSchema(action, 'reads', reads);
    assert.ok(ajv.validateSchema(schema), JSON.stringify(ajv.errors));
    ajv.compile(schema);
    // The run-time checker (no meta-schema check) still checks answers: a top-level field of the
    // wrong type is refused.
    const first = reads[0]!.split(/[.[]/)[0]!;
    assert.ok(responseChecker(action, 'reads', reads)({ [first]: [[[]]] }).length > 0);
  });
}

test.run();
