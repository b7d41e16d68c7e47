// Types for scripts/chevrotain-patches.mjs (the tests import it).
import type { Plugin } from 'esbuild';

/** The esbuild plugin that patches chevrotain as it is bundled. */
export const chevrotainPatches: Plugin;
/** Bundles `entry` (TypeScript, resolved from the repository root) with chevrotain patched, runs it, and returns its exports. */
export function bundlePatched(entry: string): Promise<Record<string, unknown>>;
