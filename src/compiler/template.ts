// Rename templates: the target of a pattern source. Each `*` run or `?` run in the target is
// replaced by what the source's wildcards captured, in order; `{name}` is the whole source name.
import { error, type Diagnostic, type NameNode } from '../grammar/index.ts';
import type { NameMatcher } from './glob.ts';
import { nameProblem, showName } from './names.ts';

export type TemplatePart = { kind: 'text'; text: string } | { kind: 'slot'; index: number } | { kind: 'name' };

export interface Template {
  node: NameNode;
  parts: TemplatePart[];
  /** Number of wildcard slots. */
  slots: number;
  /** No slot and no `{name}`: every source maps to the same target. */
  fixed: boolean;
}

/** Parses a target name. Backquoted or glob-free targets are fixed names. */
export function parseTemplate(node: NameNode): Template | Diagnostic {
  if (node.quoted || !node.pattern) return { node, parts: [{ kind: 'text', text: node.value }], slots: 0, fixed: true };
  const t = node.value;
  const parts: TemplatePart[] = [];
  let text = '';
  let slots = 0;
  const flush = () => {
    if (text) parts.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < t.length; ) {
    const c = t[i] as string;
    if (t.startsWith('{name}', i)) {
      flush();
      parts.push({ kind: 'name' });
      i += 6;
    } else if (c === '*' || c === '?') {
      flush();
      while (t[i] === c) i++;
      parts.push({ kind: 'slot', index: slots++ });
    } else if (c === '[' || c === ']' || c === '{' || c === '}') {
      return error('template/unsupported', `the target \`${t}\` contains \`${c}\`; a target may use \`*\`, \`?\` and \`{name}\` only`, node.span, {
        help: 'brackets and brace sets choose names in a source; in a target, write the name with `*` for what the source matched, or `{name}` for the whole source name',
      });
    } else {
      text += c;
      i++;
    }
  }
  flush();
  return { node, parts, slots, fixed: slots === 0 && !parts.some((p) => p.kind === 'name') };
}

/** Checks that the target's slots can be filled from the source's wildcards. */
export function checkTemplate(template: Template, source: NameMatcher): Diagnostic | undefined {
  const available = source.kind === 'pattern' ? source.wildcards : 0;
  if (template.slots <= available) return undefined;
  if (source.kind === 'exact') {
    return error('template/no-wildcards-in-source', `the target \`${template.node.value}\` has wildcards, but the source \`${source.name}\` is an exact name with nothing for them to stand for`, template.node.span, {
      help: 'write the target in full, use `{name}` for the source name, or backquote the target if the `*` is part of the name',
    });
  }
  return error('template/too-many-wildcards', `the target \`${template.node.value}\` has ${template.slots} wildcards but the source \`${source.node.value}\` has only ${available} (each \`*\` run or \`?\` run counts once; those inside \`{a,b}\` do not)`, template.node.span, {
    related: [{ span: source.node.span, message: 'the source pattern' }],
  });
}

/**
 * The template of a `restore db ... as TARGET` or `table ... as TARGET`, checked against its
 * source: a diagnostic when it cannot be filled, or (a fixed target) is no MySQL name. Needs no
 * inventory, so the compiler and the offline expansion share it.
 */
export function targetTemplate(target: NameNode, source: NameMatcher): Template | Diagnostic {
  const t = parseTemplate(target);
  if ('severity' in t) return t;
  const problem = checkTemplate(t, source);
  if (problem) return problem;
  if (t.fixed) {
    // A fixed target can be checked before anything is expanded.
    const why = nameProblem(target.value);
    if (why) return error('names/invalid-target', `the target name ${showName(target.value)} ${why}`, target.span);
  }
  return t;
}

/**
 * The target for one source name. Joined rather than concatenated: `+=` leaves a name of 13 or
 * more characters as a rope of its parts, which every later hash, comparison and
 * JSON.stringify of it (one per database that restores it) must walk; join returns it flat.
 */
export function applyTemplate(template: Template, source: string, captures: readonly string[]): string {
  return template.parts.map((p) => (p.kind === 'text' ? p.text : p.kind === 'name' ? source : (captures[p.index] ?? ''))).join('');
}
