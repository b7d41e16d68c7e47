// Bundles the CLI with esbuild: one small entry chunk, and a chunk per command loaded on demand,
// so `restorec fmt` does not pay for modules other commands need (see bench/startup).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  minify: process.env.RESTOREC_NO_MINIFY ? false : true,
  legalComments: 'linked',
  // Some dependencies are CommonJS and call require(): give the ESM bundle a require.
  banner: { js: "import { createRequire as __restorecCreateRequire } from 'node:module'; const require = __restorecCreateRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
