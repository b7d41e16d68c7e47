// Writes editors/vscode/syntaxes/restore.tmLanguage.json, the TextMate grammar of `*.restore`
// files (VS Code, and any editor that reads TextMate grammars). Written from this script so the
// name, keyword and timestamp expressions, copied from src/grammar/tokens.ts, are stated once.
// `--check` exits 1 when the committed file differs (a test runs it).
//   node scripts/gen-tmgrammar.mjs [--check]
import { readFileSync, writeFileSync } from 'node:fs';

// Name characters (tokens.ts NAME_CHAR); a keyword or name must not touch one on either side.
const NC = 'A-Za-z0-9_$*?\\-\\x{00C0}-\\x{D7FF}\\x{E000}-\\x{FFFC}';
const NB = `(?<![${NC}\\]}\`])`; // no name char before
const NA = `(?![${NC}\\[{])`; // no name char after
const BARE = `(?:[${NC}]|\\[[^\\]\\s\`<>#]*\\]|\\{[^}\\s\`<>#]*\\})+`;
const QUOTED = '`(?:[^`\\r\\n]|``)*`?';
const NAME = `(?:${QUOTED}|${BARE})`;
// Anything the lexer reads as one timestamp (tokens.ts Timestamp): marked invalid unless it is a
// form the parser accepts (VALID_TIME).
const DATE = '(?:\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{4})';
const TIME = '(?:(?:[Tt]|[ \\t]+(?=\\d{1,2}:))\\d{1,2}(?::\\d{1,2}){0,2}(?:[.,]\\d+)?)';
const SLASH_ZONE = '[A-Za-z][\\w+-]*(?:/[\\w+-]+)+';
const ZONE_WORD = `${SLASH_ZONE}|(?!(?i:at|as|db|from|table)\\b)[A-Za-z]{2,5}\\b`;
const OFFSET = '[Zz]|[+-]\\d{1,2}(?::?\\d{2})?|[ \\t]+[+-]\\d{2}:?\\d{2}';
const TIMESTAMP = `${DATE}(?:${TIME}(?:${OFFSET}|[ \\t]+(?:${ZONE_WORD}))?|${OFFSET}|[ \\t]+(?:${SLASH_ZONE}))?(?![${NC}])`;
// ISO 8601 with Z or an offset, or a wall-clock time and an IANA zone (whether the zone exists is
// for the linter: a misspelt one is not marked here).
const VALID_TIME = `\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:Z|[+-]\\d{2}:?\\d{2})(?![${NC}:+.,])|\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2})?[ \\t]+(?:(?!Etc/GMT[+-])${SLASH_ZONE}|UTC)(?![\\w+/-])`;
const GLOB_AHEAD = '(?=[^\\s,<>#`]*[*?\\[{])';
const kw = (w) => `(?i)${NB}(${w})${NA}`;
const name = (role) => ({ patterns: [{ include: `#${role}` }] });
const g = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Restore spec',
  scopeName: 'source.restore',
  fileTypes: ['restore'],
  patterns: [{ include: '#comment' }, { include: '#statement' }, { include: '#block' }, { include: '#fallback' }],
  repository: {
    comment: {
      patterns: [
        {
          name: 'comment.line.number-sign.suppression.restore',
          begin: '(#)\\s*(restorec-disable-(?:next-line|file))(?![\\w-])',
          beginCaptures: { 1: { name: 'punctuation.definition.comment.restore' }, 2: { name: 'keyword.other.directive.restore' } },
          end: '$',
          patterns: [
            { begin: '--', beginCaptures: { 0: { name: 'punctuation.separator.reason.restore' } }, end: '$', contentName: 'comment.line.reason.restore' },
            { match: ',', name: 'punctuation.separator.comma.restore' },
            { match: '[^\\s,]+', name: 'entity.name.tag.rule-id.restore' },
          ],
        },
        { name: 'comment.line.number-sign.restore', match: '(#).*$', captures: { 1: { name: 'punctuation.definition.comment.restore' } } },
      ],
    },
    statement: {
      patterns: [
        {
          match: `${kw('instance')}(?:\\s+(${NAME}))?`,
          captures: { 1: { name: 'keyword.control.instance.restore' }, 2: { name: 'constant.other.instance-id.restore', ...name('exact') } },
        },
        {
          // from backup ID | from cross-region backup ID | from region REGION instance ID
          match: `${kw('from')}(?:\\s+(?:(?i:(backup))${NA}(?:\\s+(${NAME}))?|(?i:(cross-region))${NA}(?:\\s+(?i:(backup))${NA}(?:\\s+(${NAME}))?)?|(?i:(region))${NA}(?:\\s+(${NAME})(?:\\s+(?i:(instance))${NA}(?:\\s+(${NAME}))?)?)?))?`,
          captures: {
            1: { name: 'keyword.control.from.restore' },
            2: { name: 'keyword.control.backup.restore' },
            3: { name: 'constant.other.backup-id.restore', ...name('exact') },
            4: { name: 'keyword.control.cross-region.restore' },
            5: { name: 'keyword.control.backup.restore' },
            6: { name: 'constant.other.backup-id.restore', ...name('exact') },
            7: { name: 'keyword.control.region.restore' },
            8: { name: 'constant.other.region.restore', ...name('exact') },
            9: { name: 'keyword.control.instance.restore' },
            10: { name: 'constant.other.instance-id.restore', ...name('exact') },
          },
        },
        {
          // A form the parser accepts is a timestamp; anything else is marked.
          match: `${kw('at')}(?:\\s+(?:(${VALID_TIME})|(${TIMESTAMP}|${NAME})))?`,
          captures: { 1: { name: 'keyword.control.at.restore' }, 2: { name: 'constant.numeric.timestamp.restore' }, 3: { name: 'invalid.illegal.timestamp.restore' } },
        },
        {
          match: `${kw('instant')}\\s+(?i:(recovery))${NA}`,
          captures: { 1: { name: 'keyword.control.instant.restore' }, 2: { name: 'keyword.control.recovery.restore' } },
        },
        {
          match: `${kw('region')}(?:\\s+(${NAME}))?`,
          captures: { 1: { name: 'keyword.control.region.restore' }, 2: { name: 'constant.other.region.restore', ...name('exact') } },
        },
        {
          name: 'meta.statement.restore-db.restore',
          begin: kw('restore'),
          beginCaptures: { 1: { name: 'keyword.control.restore.restore' } },
          end: '(?=[<#>])|$',
          patterns: [
            {
              match: `${kw('db|database')}(?:\\s+(${NAME}))?`,
              captures: { 1: { name: 'storage.type.database.restore' }, 2: { name: 'meta.source.database.restore', ...name('source') } },
            },
            {
              match: `${kw('as')}(?:\\s+(${NAME}))?`,
              captures: { 1: { name: 'keyword.other.as.restore' }, 2: { name: 'meta.target.database.restore', ...name('target') } },
            },
            {
              begin: `${kw('except')}\\s+(?i:(db|database))${NA}`,
              beginCaptures: { 1: { name: 'keyword.other.except.restore' }, 2: { name: 'storage.type.database.restore' } },
              end: '(?=[<#>])|$',
              patterns: [
                { match: ',', name: 'punctuation.separator.comma.restore' },
                { match: NAME, captures: { 0: { name: 'meta.source.database.restore', ...name('source') } } },
                { include: '#invalid' },
              ],
            },
            { include: '#fallback' },
          ],
        },
      ],
    },
    block: {
      name: 'meta.block.restore',
      begin: '<',
      beginCaptures: { 0: { name: 'punctuation.section.block.begin.restore' } },
      end: '>',
      endCaptures: { 0: { name: 'punctuation.section.block.end.restore' } },
      patterns: [
        { include: '#comment' },
        {
          match: `${kw('except')}(?:\\s+(?i:(table))${NA}(?:\\s+(${NAME}))?)?`,
          captures: { 1: { name: 'keyword.other.except.restore' }, 2: { name: 'storage.type.table.restore' }, 3: { name: 'meta.source.table.restore', ...name('source') } },
        },
        {
          match: `${kw('table')}(?:\\s+(${NAME})(?:\\s+(?i:(as))${NA}(?:\\s+(${NAME}))?)?)?`,
          captures: {
            1: { name: 'storage.type.table.restore' },
            2: { name: 'meta.source.table.restore', ...name('source') },
            3: { name: 'keyword.other.as.restore' },
            4: { name: 'meta.target.table.restore', ...name('target') },
          },
        },
        { match: ',', name: 'punctuation.separator.comma.restore' },
        { include: '#statement' },
        { include: '#fallback' },
      ],
    },
    // A name where an exact value is expected (instance, backup, region).
    exact: { patterns: [{ include: '#quoted' }] },
    // A source name: exact, or a glob pattern whose wildcards and sets are marked.
    source: {
      patterns: [
        { include: '#quoted' },
        {
          match: `${GLOB_AHEAD}${BARE}`,
          name: 'string.regexp.pattern.restore',
          captures: { 0: { patterns: [
            { match: '\\*|\\?', name: 'keyword.operator.wildcard.restore' },
            { match: '\\[[!^]?[^\\]]*\\]', name: 'constant.character.set.restore' },
            { match: '\\{[^}]*\\}', name: 'constant.character.alternatives.restore' },
          ] } },
        },
        { match: BARE, name: 'variable.other.name.restore' },
      ],
    },
    // A target name: exact, or a template whose `*`, `?` and `{name}` take what the source matched.
    target: {
      patterns: [
        { include: '#quoted' },
        {
          match: `${GLOB_AHEAD}${BARE}`,
          name: 'string.other.template.restore',
          captures: { 0: { patterns: [
            { match: '\\{name\\}', name: 'variable.language.template.name.restore' },
            { match: '\\*|\\?+', name: 'variable.parameter.template.wildcard.restore' },
          ] } },
        },
        { match: BARE, name: 'variable.other.name.restore' },
      ],
    },
    quoted: {
      patterns: [
        {
          name: 'string.quoted.other.backtick.restore',
          match: '(`)((?:[^`\\r\\n]|``)*)(`)',
          captures: {
            1: { name: 'punctuation.definition.string.begin.restore' },
            2: { patterns: [{ match: '``', name: 'constant.character.escape.backtick.restore' }] },
            3: { name: 'punctuation.definition.string.end.restore' },
          },
        },
        { name: 'invalid.illegal.unterminated-backquote.restore', match: '`(?:[^`\\r\\n]|``)*$' },
      ],
    },
    // Outside a recognised statement: keywords and names by their look alone.
    fallback: {
      patterns: [
        { match: kw('instance|from|cross-region|backup|at|region|restore'), name: 'keyword.control.restore' },
        { match: kw('db|database|table'), name: 'storage.type.restore' },
        { match: kw('as|except'), name: 'keyword.other.restore' },
        { include: '#quoted' },
        { match: BARE, name: 'variable.other.name.restore' },
        { match: ',', name: 'punctuation.separator.comma.restore' },
        { match: '>', name: 'invalid.illegal.unmatched-close.restore' },
        { include: '#invalid' },
      ],
    },
    invalid: { patterns: [{ match: '[^\\s#<>,`]', name: 'invalid.illegal.character.restore' }] },
  },
};
const file = new URL('../editors/vscode/syntaxes/restore.tmLanguage.json', import.meta.url);
const text = JSON.stringify(g, null, 2) + '\n';
if (process.argv.includes('--check')) {
  let old = '';
  try {
    old = readFileSync(file, 'utf8');
  } catch {}
  if (old !== text) {
    console.error('editors/vscode/syntaxes/restore.tmLanguage.json is not what scripts/gen-tmgrammar.mjs writes; run it');
    process.exit(1);
  }
} else writeFileSync(file, text);
