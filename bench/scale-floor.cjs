// bench/scale's floor: the least a program can do to turn the scale snapshot into requests of the
// size `restorec compile` writes for it, as plain JavaScript with nothing else: read and parse
// the snapshot (the baseline's own work), test each of its million table names once against one
// regular expression, write each database's chosen tables as TableMeta text (2,000 requests, 144,000
// entries, 10.6 MiB; the real spec's output: 2,411 requests, 141,105 entries, 10.5 MiB), JSON-escape it, hash it with SHA-256 for a ClientToken, and
// write the whole as one JSON array. It checks nothing, expands no pattern language, plans no
// name, splits nothing to the API's limits and reports nothing: its ratio to the parse shows how
// much of bench/scale's 2x target any compile of that output has left for all of that.
//   node bench/scale-floor.cjs SNAPSHOT > requests.json
'use strict';
const fs = require('node:fs');
const crypto = require('node:crypto');

const snapshot = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
// 71 of each database's 500 tables.
const chosen = /^(?:orders_0[01].|events_0[0-3].|sessions_00.|audit_042)$/;
const parts = [];
for (const db of snapshot.contents[0].Databases) {
  let meta = `[{"type":"db","name":"${db.Database}","newname":"${db.Database}_r","tables":[`;
  let first = true;
  for (const t of db.Tables) {
    if (!chosen.test(t)) continue;
    meta += `${first ? '' : ','}{"type":"table","name":"${t}","newname":"${t}_r"}`;
    first = false;
  }
  meta += ']}]';
  const token = crypto.createHash('sha256').update(meta).digest('hex');
  parts.push(`  {\n    "DBInstanceId": "${snapshot.instance.DBInstanceId}",\n    "TableMeta": ${JSON.stringify(meta)},\n    "ClientToken": "${token}"\n  }`);
}
fs.writeSync(1, `[\n${parts.join(',\n')}\n]\n`);
