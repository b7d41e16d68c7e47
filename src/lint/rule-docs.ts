// The rules' doc pages (docs/rules/ID.md) as Markdown, for SARIF's `help.markdown`: read from the
// installed package, which ships docs/ (see package.json `files`). Found beside the code (src/lint/
// under tsx, dist/cold/ in the bundle: both two levels below the package) or beside the running
// bin/restorec.cjs (a build into a per-user cache, see bin/first-build.cjs).
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function candidates(): string[] {
  const out: string[] = [];
  try {
    const url = new URL('../../docs/rules/', import.meta.url);
    if (url.protocol === 'file:') out.push(fileURLToPath(url));
  } catch {
    // No usable import.meta.url (an unusual bundling): the bin's place is still tried.
  }
  const bin = process.argv[1];
  if (bin) {
    try {
      out.push(join(dirname(realpathSync(bin)), '..', 'docs', 'rules'));
    } catch {
      // argv[1] is not a file (node -e): nothing to add.
    }
  }
  return out;
}

let dir: string | null | undefined;

/** docs/rules of this install, or null when it is not there. */
export function ruleDocsDir(): string | null {
  if (dir === undefined) dir = candidates().find((d) => existsSync(join(d, 'in-place-restore.md'))) ?? null;
  return dir;
}

/** The doc page of rule `id`, or undefined when the docs are not installed. */
export function ruleDocMarkdown(id: string): string | undefined {
  const d = ruleDocsDir();
  if (d === null || !/^[a-z][a-z0-9-]*$/.test(id)) return undefined;
  try {
    return readFileSync(join(d, `${id}.md`), 'utf8');
  } catch {
    return undefined;
  }
}
