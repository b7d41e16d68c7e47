#!/usr/bin/env node
// Entry point: the bundled CLI lives in dist/ (npm run build).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('restorec: the CLI is not built yet; run `npm run build` (or `npm ci`, which builds it)\n');
  process.exit(2);
}
const { runCli } = await import(entry.href);
await runCli(process.argv.slice(2));
