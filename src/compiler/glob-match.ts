// Matching a parsed pattern in time linear in the name, whatever the pattern: a position
// automaton (Glushkov's construction) run as a set of states, never by backtracking. A regex of
// `*a*a*a*...b` backtracks polynomially in the name (a 64-character name ran for minutes); here a
// name of n characters costs at most n steps over the pattern's positions.
// Captures follow the same automaton: the successors of each state are kept in the order a
// backtracking regex would try them (lazy `*`: leave first; brace sets: left to right), and a
// table of the states that can still reach the end lets a walk pick, at each character, the
// first successor that can still succeed: exactly the match a backtracking regex would find
// first, in O(n * positions), with no backtracking.
import type { CharTest, GlobNode } from './glob-syntax.ts';

/** In a successor list: "the end of the enclosing part" (resolved as the automaton is built). */
const EXIT = -1;

interface Position {
  test: CharTest;
  /** The wildcard this position belongs to, counted from 0 among top-level `*` runs and `?` runs; -1 for none. */
  group: number;
}

/** A part of the pattern: its first positions and their followers, with EXIT for "nothing more of this part". */
interface Part {
  first: number[];
  /** Positions of this part whose follow list still holds EXIT. */
  open: number[];
}

export interface GlobAutomaton {
  /** Whether the whole name matches. */
  test(name: string): boolean;
  /** What each wildcard captured (the match a backtracking regex finds first), or undefined. */
  capture(name: string): string[] | undefined;
  /** How many wildcards a template can refer to. */
  readonly groups: number;
}

/** Replaces EXIT in `list` by `rest`, keeping the first occurrence of every entry (a position's
 *  future depends only on the position, so a later duplicate can never succeed where it failed). */
function splice(list: readonly number[], rest: readonly number[]): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  for (const x of list) {
    for (const y of x === EXIT ? rest : [x]) {
      if (!seen.has(y)) {
        seen.add(y);
        out.push(y);
      }
    }
  }
  return out;
}

class Builder {
  readonly positions: Position[] = [];
  readonly follow: number[][] = [];
  groups = 0;

  #position(test: CharTest, group: number): number {
    this.positions.push({ test, group });
    this.follow.push([EXIT]);
    return this.positions.length - 1;
  }

  node(n: GlobNode, group: number): Part {
    if (n.kind === 'char') {
      const p = this.#position(n.test, group);
      return { first: [p], open: [p] };
    }
    if (n.kind === 'star') {
      // Lazy: before and after each character, leaving the loop is tried first.
      const p = this.#position({ kind: 'any' }, group);
      this.follow[p] = [EXIT, p];
      return { first: [EXIT, p], open: [p] };
    }
    let first: number[] = [];
    const open: number[] = [];
    for (const alt of n.alternatives) {
      const part = this.sequence(alt, false);
      first = splice([...first, ...part.first], [EXIT]);
      open.push(...part.open);
    }
    return { first, open };
  }

  /** A sequence; at the top level each `*` run and each run of `?` is a wildcard group. */
  sequence(nodes: readonly GlobNode[], top: boolean): Part {
    const parts: Part[] = [];
    for (let k = 0; k < nodes.length; k++) {
      const n = nodes[k]!;
      const prev = nodes[k - 1];
      const isAny = n.kind === 'char' && n.test.kind === 'any';
      const continuesRun = isAny && prev?.kind === 'char' && prev.test.kind === 'any';
      let group = -1;
      if (top && (n.kind === 'star' || isAny)) group = continuesRun ? this.groups - 1 : this.groups++;
      parts.push(this.node(n, group));
    }
    // Right to left: each part's EXIT becomes the first positions of what follows it.
    let first: number[] = [EXIT];
    const open: number[] = [];
    for (let k = parts.length - 1; k >= 0; k--) {
      const part = parts[k]!;
      for (const p of part.open) this.follow[p] = splice(this.follow[p]!, first);
      open.push(...part.open);
      first = splice(part.first, first);
    }
    // Those whose follow lists still hold EXIT (all that follows them can be empty) end this sequence.
    return { first, open: open.filter((p) => this.follow[p]!.includes(EXIT)) };
  }
}

function classHas(ranges: readonly [number, number][], code: number): boolean {
  for (const [a, b] of ranges) if (code >= a && code <= b) return true;
  return false;
}

function accepts(t: CharTest, c: string, caseInsensitive: boolean): boolean {
  if (t.kind === 'any') return true;
  if (t.kind === 'literal') {
    if (c === t.char) return true;
    return caseInsensitive && (c.toLowerCase() === t.char.toLowerCase() || c.toUpperCase() === t.char.toUpperCase());
  }
  let hit = classHas(t.ranges, c.charCodeAt(0));
  if (!hit && caseInsensitive) {
    const lower = c.toLowerCase();
    const upper = c.toUpperCase();
    hit = (lower.length === 1 && classHas(t.ranges, lower.charCodeAt(0))) || (upper.length === 1 && classHas(t.ranges, upper.charCodeAt(0)));
  }
  return hit !== t.negated;
}

/** Sets of states as bit masks in 32-bit words; state 0 is the start, state p+1 position p. */
type Mask = Uint32Array;

/** Distinct characters whose acceptance masks are remembered per pattern (names repeat characters). */
const CHAR_CACHE = 512;

export function buildAutomaton(nodes: readonly GlobNode[], caseInsensitive: boolean): GlobAutomaton {
  return new Automaton(nodes, caseInsensitive);
}

/**
 * One pattern's automaton. A class, not closures: every pattern shares one test and one capture
 * function, so the loops that call them (expansion of a million names) see one call target and
 * stay optimized, instead of being deoptimized and compiled again for each new pattern.
 */
class Automaton implements GlobAutomaton {
  readonly groups: number;
  readonly #ci: boolean;
  readonly #positions: readonly Position[];
  readonly #succ: readonly (readonly number[])[];
  readonly #states: number;
  readonly #words: number;
  /** Successor positions of each state, as a mask over states. */
  readonly #succMask: readonly Mask[];
  /** States in which the name may end. */
  readonly #final: Mask;
  readonly #cache = new Map<string, Mask>();
  /** The masks of ASCII characters, by code: names are mostly ASCII, and an index is quicker than the Map. */
  readonly #ascii: (Mask | undefined)[] = new Array(128).fill(undefined);
  // Two state sets reused by every call (test is synchronous): a million names, no allocations.
  readonly #setA: Mask;
  readonly #setB: Mask;

  constructor(nodes: readonly GlobNode[], caseInsensitive: boolean) {
    const b = new Builder();
    const top = b.sequence(nodes, true);
    const { positions, follow } = b;
    const states = positions.length + 1;
    const words = (states + 31) >>> 5;
    const succ: number[][] = [top.first, ...follow];
    this.groups = b.groups;
    this.#ci = caseInsensitive;
    this.#positions = positions;
    this.#succ = succ;
    this.#states = states;
    this.#words = words;
    this.#succMask = succ.map((list) => {
      const m = new Uint32Array(words);
      for (const p of list) if (p !== EXIT) m[(p + 1) >>> 5]! |= 1 << ((p + 1) & 31);
      return m;
    });
    const final = new Uint32Array(words);
    succ.forEach((list, s) => {
      if (list.includes(EXIT)) final[s >>> 5]! |= 1 << (s & 31);
    });
    this.#final = final;
    this.#setA = new Uint32Array(words);
    this.#setB = new Uint32Array(words);
  }

  /** The acceptance mask of the character at `i` of `name`. */
  #maskAt(name: string, i: number): Mask {
    const code = name.charCodeAt(i);
    if (code >= 128) return this.#acceptMask(name[i]!);
    return (this.#ascii[code] ??= this.#acceptMask(name[i]!));
  }

  #acceptMask(c: string): Mask {
    let m = this.#cache.get(c);
    if (m) return m;
    const mask = new Uint32Array(this.#words);
    this.#positions.forEach((pos, p) => {
      if (accepts(pos.test, c, this.#ci)) mask[(p + 1) >>> 5]! |= 1 << ((p + 1) & 31);
    });
    if (this.#cache.size < CHAR_CACHE) this.#cache.set(c, mask);
    return mask;
  }

  test(name: string): boolean {
    const states = this.#states;
    const words = this.#words;
    const succMask = this.#succMask;
    let current = this.#setA;
    let next = this.#setB;
    current.fill(0);
    current[0] = 1;
    for (let i = 0; i < name.length; i++) {
      const acc = this.#maskAt(name, i);
      next.fill(0);
      let any = false;
      for (let s = 0; s < states; s++) {
        if (!has(current, s)) continue;
        const m = succMask[s]!;
        for (let w = 0; w < words; w++) {
          const bits = m[w]! & acc[w]!;
          if (bits !== 0) {
            next[w]! |= bits;
            any = true;
          }
        }
      }
      if (!any) return false;
      const t = current;
      current = next;
      next = t;
    }
    return intersects(current, this.#final, words);
  }

  capture(name: string): string[] | undefined {
    const states = this.#states;
    const words = this.#words;
    const succMask = this.#succMask;
    const n = name.length;
    // alive[i]: the states from which name[i..] can be read to the end.
    const alive: Mask[] = new Array(n + 1);
    alive[n] = this.#final;
    for (let i = n - 1; i >= 0; i--) {
      const acc = this.#maskAt(name, i);
      const m = new Uint32Array(words);
      const after = alive[i + 1]!;
      for (let s = 0; s < states; s++) {
        const sm = succMask[s]!;
        for (let w = 0; w < words; w++) {
          if ((sm[w]! & acc[w]! & after[w]!) !== 0) {
            m[s >>> 5]! |= 1 << (s & 31);
            break;
          }
        }
      }
      alive[i] = m;
    }
    if (!has(alive[0]!, 0)) return undefined;
    const positions = this.#positions;
    const out: string[] = new Array(this.groups).fill('');
    const starts: number[] = new Array(this.groups).fill(-1);
    let state = 0;
    for (let i = 0; i < n; i++) {
      const c = name[i]!;
      const p = this.#succ[state]!.find((q) => q !== EXIT && has(alive[i + 1]!, q + 1) && accepts(positions[q]!.test, c, this.#ci));
      if (p === undefined) return undefined; // cannot happen: alive[i] held this state
      const g = positions[p]!.group;
      if (g >= 0) {
        if (starts[g] === -1) starts[g] = i;
        out[g] = name.slice(starts[g], i + 1);
      }
      state = p + 1;
    }
    return out;
  }
}

function has(m: Mask, s: number): boolean {
  return (m[s >>> 5]! & (1 << (s & 31))) !== 0;
}

function intersects(a: Mask, b: Mask, words: number): boolean {
  for (let w = 0; w < words; w++) if ((a[w]! & b[w]!) !== 0) return true;
  return false;
}
