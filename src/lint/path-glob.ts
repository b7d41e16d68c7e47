// File globs of the config's `overrides` (`specs/prod/**/*.restore`), as ESLint's eslintrc reads
// them: relative to the config file's folder, `**` for any number of folders, `*` and `?`
// within one, classes `[...]`, brace sets `{a,b}`, and a pattern without `/` matching the file's
// base name in any folder. Matched segment by segment without regular expressions: time stays
// proportional to pattern × path, whatever the pattern (a config is input too).

/** One compiled glob: its segments, each brace set expanded. */
export interface PathGlob {
  source: string;
  /** Alternatives (from brace sets), each a list of segments; `**` is its own segment. */
  alternatives: string[][];
  /** No `/`: matched against the base name. */
  baseName: boolean;
}

/** A pattern with more brace alternatives than this is refused (they multiply). */
const MAX_ALTERNATIVES = 256;
const MAX_LENGTH = 1024;

export class PathGlobError extends Error {}

function expandBraces(p: string): string[] {
  const open = p.indexOf('{');
  if (open === -1) return [p];
  let depth = 0;
  const cuts: number[] = [];
  let close = -1;
  for (let i = open; i < p.length; i++) {
    if (p[i] === '{') depth++;
    else if (p[i] === '}' && --depth === 0) {
      close = i;
      break;
    } else if (p[i] === ',' && depth === 1) cuts.push(i);
  }
  if (close === -1) throw new PathGlobError(`\`${p}\` has a \`{\` without its \`}\``);
  const bounds = [open, ...cuts, close];
  const out: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    for (const rest of expandBraces(p.slice(0, open) + p.slice(bounds[k]! + 1, bounds[k + 1]) + p.slice(close + 1))) {
      out.push(rest);
      if (out.length > MAX_ALTERNATIVES) throw new PathGlobError(`\`${p}\` expands to more than ${MAX_ALTERNATIVES} patterns`);
    }
  }
  return out;
}

export function compilePathGlob(pattern: string): PathGlob {
  if (pattern.length === 0) throw new PathGlobError('a files pattern is empty');
  if (pattern.length > MAX_LENGTH) throw new PathGlobError(`a files pattern is ${pattern.length} characters long; at most ${MAX_LENGTH}`);
  const p = pattern.replace(/^\.\//, '');
  const baseName = !p.includes('/');
  const alternatives = expandBraces(p).map((a) => a.split('/').filter((s, i, all) => s !== '' || i === all.length - 1));
  return { source: pattern, alternatives, baseName };
}

/** One segment against one name: `*`, `?` and classes, the classic two-pointer wildcard walk. */
function matchSegment(glob: string, name: string): boolean {
  let g = 0;
  let n = 0;
  let star = -1;
  let mark = 0;
  while (n < name.length) {
    if (g < glob.length && glob[g] === '[') {
      const end = glob.indexOf(']', g + 2);
      if (end !== -1 && classHas(glob.slice(g + 1, end), name[n]!)) {
        g = end + 1;
        n++;
        continue;
      }
    } else if (g < glob.length && (glob[g] === '?' || glob[g] === name[n])) {
      g++;
      n++;
      continue;
    }
    if (g < glob.length && glob[g] === '*') {
      star = g++;
      mark = n;
      continue;
    }
    if (star === -1) return false;
    g = star + 1;
    n = ++mark;
  }
  while (glob[g] === '*') g++;
  return g === glob.length;
}

function classHas(body: string, c: string): boolean {
  const negated = body[0] === '!' || body[0] === '^';
  let hit = false;
  for (let i = negated ? 1 : 0; i < body.length; i++) {
    if (body[i + 1] === '-' && i + 2 < body.length) {
      if (c >= body[i]! && c <= body[i + 2]!) hit = true;
      i += 2;
    } else if (body[i] === c) hit = true;
  }
  return hit !== negated;
}

/** Segments against path parts; `**` takes any number of parts (dynamic programming, no backtracking). */
function matchSegments(globs: readonly string[], parts: readonly string[]): boolean {
  // can[j]: the globs so far can consume exactly parts[0..j).
  let can = parts.map(() => false).concat(false);
  can[0] = true;
  for (const g of globs) {
    const next = can.map(() => false);
    for (let j = 0; j <= parts.length; j++) {
      if (!can[j]) continue;
      if (g === '**') {
        for (let k = j; k <= parts.length; k++) next[k] = true;
        break;
      }
      if (j < parts.length && matchSegment(g, parts[j]!)) next[j + 1] = true;
    }
    can = next;
  }
  return can[parts.length] === true;
}

/** Whether `path` (relative, `/`-separated) matches. Names starting with `.` match like any other (eslintrc's `dot`). */
export function matchPathGlob(glob: PathGlob, path: string): boolean {
  const parts = path.split('/');
  return glob.alternatives.some((segs) => (glob.baseName ? matchSegment(segs[0] ?? '', parts[parts.length - 1]!) : matchSegments(segs, parts)));
}
