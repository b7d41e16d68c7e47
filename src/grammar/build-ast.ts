// CST → AST. Recovered (partial) nodes are dropped here: the parser has already reported them.
import type { CstNode, CstElement, IToken } from 'chevrotain';
import type * as A from './ast.ts';
import type { Span } from './source.ts';
import { error, type Diagnostic } from './diagnostic.ts';
import { parseTimestamp, type TimestampOptions } from './timestamp.ts';
import { zoneOfRegion } from './zone-names.ts';

const GLOB_CHARS = /[*?[\]{}]/;

function isToken(el: CstElement): el is IToken {
  return (el as IToken).image !== undefined;
}

function tokenSpan(t: IToken): Span | undefined {
  if (t.isInsertedInRecovery || Number.isNaN(t.startOffset)) return undefined;
  return { start: t.startOffset, end: t.startOffset + t.image.length };
}

/** The span of every real token below `node`: the parser tracks each node's first and last
 *  offset (nodeLocationTracking), NaN where it holds none but tokens inserted in recovery. */
function nodeSpan(node: CstNode): Span | undefined {
  const loc = node.location;
  if (loc === undefined || Number.isNaN(loc.startOffset) || loc.endOffset === undefined || Number.isNaN(loc.endOffset)) return undefined;
  return { start: loc.startOffset, end: loc.endOffset + 1 };
}

/** The first element under any key, in key order. */
function firstChild(node: CstNode): CstElement | undefined {
  const children = node.children;
  for (const key in children) {
    const el = children[key]![0];
    if (el) return el;
  }
  return undefined;
}

/** The first token directly under `node`, in key order. */
function firstToken(node: CstNode): IToken | undefined {
  const children = node.children;
  for (const key in children) {
    const list = children[key]!;
    for (let i = 0; i < list.length; i++) if (isToken(list[i]!)) return list[i] as IToken;
  }
  return undefined;
}

function child(node: CstNode, key: string, i = 0): CstElement | undefined {
  return node.children[key]?.[i];
}

function childNode(node: CstNode, key: string, i = 0): CstNode | undefined {
  const el = child(node, key, i);
  return el && !isToken(el) ? el : undefined;
}

export class AstBuilder {
  readonly diagnostics: Diagnostic[] = [];
  /** The spec's `region`, whose zone is a likely one for a time written without a zone. */
  #region: string | undefined;

  /** `timestamps`: the configured and likely zones, asked for only when a time has no zone. */
  constructor(private readonly timestamps: () => TimestampOptions = () => ({})) {}

  /** `inAt`: the name of an `at` statement, whose timestamp problems at() words itself. */
  name(node: CstNode | undefined, inAt = false): A.NameNode | undefined {
    if (!node) return undefined;
    const tok = firstToken(node);
    const span = tok && tokenSpan(tok);
    if (!tok || !span) return undefined;
    const type = tok.tokenType.name;
    if (type === 'Backquoted') {
      return { kind: 'Name', span, value: tok.image.slice(1, -1).replace(/``/g, '`'), quoted: true, pattern: false };
    }
    if (type === 'UnterminatedBackquoted') {
      this.diagnostics.push(
        error('syntax/unterminated-backquote', 'this backquoted name is not closed before the end of the line', span, {
          help: 'add a closing backquote (`` ` ``) after the name',
          fix: { span: { start: span.end, end: span.end }, text: '`' },
        }),
      );
      return { kind: 'Name', span, value: tok.image.slice(1).replace(/``/g, '`'), quoted: true, pattern: false };
    }
    if (type === 'Timestamp' && !inAt && /\s/.test(tok.image)) {
      // A date and a time where a name goes: as a name it would hold a space, which no bare name can.
      this.diagnostics.push(
        error('syntax/space-in-name', `\`${tok.image}\` is read as one name holding a space, which a bare name cannot hold`, span, {
          help: `write the name without the space, or put a name that holds one in backquotes: \`\` \`${tok.image}\` \`\``,
        }),
      );
    }
    const pattern = type === 'Name' && GLOB_CHARS.test(tok.image);
    return { kind: 'Name', span, value: tok.image, quoted: false, pattern };
  }

  document(cst: CstNode, textLength: number): A.Document {
    const statements: A.Statement[] = [];
    for (const st of cst.children['statement'] ?? []) {
      const region = !isToken(st) && childNode(st, 'regionStatement');
      const tok = region && childNode(region, 'name')?.children['NameLike']?.[0];
      if (tok && isToken(tok)) this.#region = tok.image;
    }
    for (const st of cst.children['statement'] ?? []) {
      if (isToken(st)) continue;
      const built = this.statement(st);
      if (built) statements.push(built);
    }
    statements.sort((a, b) => a.span.start - b.span.start);
    return { kind: 'Document', span: { start: 0, end: textLength }, statements, comments: [] };
  }

  statement(st: CstNode): A.Statement | undefined {
    const inner = firstChild(st);
    if (!inner || isToken(inner)) return undefined;
    const span = nodeSpan(inner);
    if (!span) return undefined;
    switch (inner.name) {
      case 'instanceStatement': {
        const id = this.name(childNode(inner, 'name'));
        return id && { kind: 'Instance', span, id };
      }
      case 'fromBackupStatement': {
        const backupId = this.name(childNode(inner, 'name'));
        return backupId && { kind: 'FromBackup', span, backupId };
      }
      case 'fromCrossRegionBackupStatement': {
        const backupId = this.name(childNode(inner, 'name'));
        return backupId && { kind: 'FromCrossRegionBackup', span, backupId };
      }
      case 'fromRegionStatement': {
        const region = this.name(childNode(inner, 'region'));
        const instance = this.name(childNode(inner, 'instance'));
        return region && instance && { kind: 'FromRegion', span, region, instance };
      }
      case 'regionStatement': {
        const region = this.name(childNode(inner, 'name'));
        return region && { kind: 'Region', span, region };
      }
      case 'instantRecoveryStatement':
        return { kind: 'InstantRecovery', span };
      case 'atStatement':
        return this.at(inner, span);
      case 'restoreStatement':
        return this.restore(inner, span);
      default:
        return undefined;
    }
  }

  at(node: CstNode, span: Span): A.AtStatement | undefined {
    const name = this.name(childNode(node, 'name'), true);
    if (!name) return undefined;
    const raw = name.value;
    const parsed = parseTimestamp(raw, () => {
      const given = this.timestamps();
      const regionZone = this.#region === undefined ? undefined : zoneOfRegion(this.#region);
      const likely = [...(regionZone ? [{ zone: regionZone, why: `the zone of region ${this.#region}` }] : []), ...(given.likelyZones ?? [])];
      return { ...given, likelyZones: likely };
    });
    if (!parsed.ok) {
      this.diagnostics.push(
        error('syntax/invalid-timestamp', parsed.message, name.span, {
          ...(parsed.help ? { help: parsed.help } : parsed.suggestion ? { help: `write \`${parsed.suggestion}\`` } : {}),
          ...(parsed.suggestion ? { fix: { span: name.span, text: parsed.suggestion } } : {}),
        }),
      );
      return undefined;
    }
    if (parsed.zone !== undefined) {
      this.diagnostics.push({
        code: 'spec/time-offset',
        severity: 'info',
        message: `\`${raw}\` is ${parsed.utc} in UTC; the request carries the UTC time`,
        span: name.span,
      });
    } else if (parsed.hadOffset) {
      this.diagnostics.push({
        code: 'spec/time-offset',
        severity: 'info',
        message: `\`${raw}\` is ${parsed.utc} in UTC; the request carries the UTC time`,
        span: name.span,
        help: `write \`${parsed.utc}\` so reviewers see the time the API will receive`,
        fix: { span: name.span, text: parsed.utc },
      });
    }
    // A time with a zone name is printed with its spaces normalised (`fmt`).
    if (parsed.text !== undefined && !name.quoted) return { kind: 'At', span, raw: parsed.text, rawSpan: name.span, utc: parsed.utc };
    return { kind: 'At', span, raw, rawSpan: name.span, utc: parsed.utc };
  }

  restore(node: CstNode, span: Span): A.RestoreStatement | undefined {
    const source = this.name(childNode(node, 'source'));
    if (!source) return undefined;
    const target = this.name(childNode(node, 'target'));
    const exceptDbs = (node.children['exceptDb'] ?? [])
      .map((n) => (isToken(n) ? undefined : this.name(n)))
      .filter((n): n is A.NameNode => n !== undefined);
    const stmt: A.RestoreStatement = { kind: 'Restore', span, source, exceptDbs };
    if (target) stmt.target = target;
    const blockNode = childNode(node, 'block');
    if (blockNode) {
      const blockSpan = nodeSpan(blockNode);
      const items: A.BlockItem[] = [];
      for (const el of [...(blockNode.children['tableItem'] ?? []), ...(blockNode.children['exceptTableItem'] ?? [])]) {
        if (isToken(el)) continue;
        const item = this.blockItem(el);
        if (item) items.push(item);
      }
      items.sort((a, b) => a.span.start - b.span.start);
      if (blockSpan) stmt.block = { span: blockSpan, items };
    }
    return stmt;
  }

  blockItem(node: CstNode): A.BlockItem | undefined {
    const span = nodeSpan(node);
    if (!span) return undefined;
    if (node.name === 'exceptTableItem') {
      const pattern = this.name(childNode(node, 'name'));
      return pattern && { kind: 'ExceptTable', span, pattern };
    }
    const source = this.name(childNode(node, 'source'));
    if (!source) return undefined;
    const target = this.name(childNode(node, 'target'));
    return target ? { kind: 'Table', span, source, target } : { kind: 'Table', span, source };
  }
}
