// `restorec lsp`: the Language Server Protocol over stdio, on vscode-languageserver. Documents
// are analysed after each change (coalesced: a burst of changes costs one analysis), and every
// request answers from the analysis of the document's current version. Nothing here blocks on
// the network: the config and the snapshot are read from disk, and only when they change.
import { fileURLToPath } from 'node:url';
import { createConnection, DidChangeWatchedFilesNotification, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { VERSION } from '../version.ts';
import { codeActions } from './actions.ts';
import { analyze, type Analysis } from './analyze.ts';
import { complete } from './complete.ts';
import { definition } from './definition.ts';
import { SpecFiles } from './files.ts';
import { formatEdits } from './format.ts';
import { hover } from './hover.ts';
import { toOffset } from './positions.ts';
import { documentSymbols } from './symbols.ts';
import { readSettings, type Settings } from './settings.ts';

const pathOf = (uri: string): string | undefined => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined);

export function startServer(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Connection {
  const connection = createConnection(ProposedFeatures.all, input, output);
  // stdout carries the protocol: anything logged goes to the client's log instead.
  const log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.log = console.info = console.warn = console.error = console.debug = log;

  const documents = new TextDocuments(TextDocument);
  const files = new SpecFiles();
  const analyses = new Map<string, Analysis>();
  const pending = new Set<string>();
  let scheduled = false;
  let settings: Settings = readSettings(undefined);
  let root: string | undefined;

  /** Runs a handler; a bug is logged and answered with `fallback`, never a dead server. */
  const guard = <T>(what: string, fallback: T, fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      connection.console.error(`restorec: internal error in ${what}: ${(e as Error)?.stack ?? e}`);
      return fallback;
    }
  };

  const publish = (a: Analysis) => void connection.sendDiagnostics({ uri: a.uri, version: a.version, diagnostics: a.diagnostics });

  function analyzeNow(doc: TextDocument): Analysis {
    const path = pathOf(doc.uri);
    const a = analyze({
      uri: doc.uri,
      version: doc.version,
      text: doc.getText(),
      name: path ?? doc.uri,
      config: files.config(path, root, settings.config),
      snapshot: files.snapshot(path),
      now: new Date(),
      timeZone: settings.timeZone,
    });
    analyses.set(doc.uri, a);
    return a;
  }

  /** The analysis of the document as it is now (analysed here if a change is still pending). */
  function current(uri: string): Analysis | undefined {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const a = analyses.get(uri);
    if (a && a.version === doc.version) return a;
    const fresh = analyzeNow(doc);
    publish(fresh);
    return fresh;
  }

  function flush(): void {
    scheduled = false;
    for (const uri of [...pending]) {
      pending.delete(uri);
      const doc = documents.get(uri);
      if (!doc || analyses.get(uri)?.version === doc.version) continue;
      guard('diagnostics', undefined, () => publish(analyzeNow(doc)));
    }
  }

  /** Coalesces: changes read in the same turn of the event loop get one analysis. */
  function schedule(uri: string): void {
    pending.add(uri);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  }

  /** A config or snapshot changed on disk, or the settings did: every open spec again. */
  function reanalyzeAll(): void {
    analyses.clear();
    for (const doc of documents.all()) schedule(doc.uri);
  }

  connection.onInitialize((params) => {
    settings = readSettings(params.initializationOptions);
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    root = folder ? pathOf(folder) : undefined;
    const watch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    if (watch) {
      connection.onInitialized(() => {
        void connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.inventory.json' }, { globPattern: '**/restorec.config.json' }],
        });
      });
    }
    return {
      serverInfo: { name: 'restorec', version: VERSION },
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', ',', '`'] },
        documentFormattingProvider: true,
        documentSymbolProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'] },
        definitionProvider: true,
      },
    };
  });

  connection.onDidChangeConfiguration((params) => {
    const section = (params.settings as Record<string, unknown> | undefined)?.['restorec'];
    if (section !== undefined) settings = readSettings(section);
    reanalyzeAll();
  });
  connection.onDidChangeWatchedFiles(() => reanalyzeAll());

  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    analyses.delete(e.document.uri);
    pending.delete(e.document.uri);
    files.retainSnapshotsOf(documents.all().filter((d) => d.uri !== e.document.uri).map((d) => pathOf(d.uri)));
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onHover((p) =>
    guard('hover', null, () => {
      const a = current(p.textDocument.uri);
      return a ? hover(a, toOffset(a.parsed.source, p.position), { limit: settings.hoverLimit, timeZone: settings.timeZone }) : null;
    }),
  );
  connection.onCompletion((p) =>
    guard('completion', null, () => {
      const a = current(p.textDocument.uri);
      if (!a) return null;
      const list = complete(a, toOffset(a.parsed.source, p.position));
      // A space opens the list only where names can follow (not on every word of a line).
      if (p.context?.triggerCharacter === ' ') list.items = list.items.filter((i) => i.kind !== 14 || i.label.startsWith('restorec-'));
      return list;
    }),
  );
  connection.onDocumentFormatting((p) =>
    guard('formatting', null, () => {
      const doc = documents.get(p.textDocument.uri);
      return doc ? (formatEdits(doc.getText(), pathOf(doc.uri) ?? doc.uri) ?? null) : null;
    }),
  );
  connection.onDocumentSymbol((p) =>
    guard('symbols', null, () => {
      const a = current(p.textDocument.uri);
      return a ? documentSymbols(a.parsed.source, a.parsed.document.statements) : null;
    }),
  );
  connection.onCodeAction((p) =>
    guard('code actions', null, () => {
      const a = current(p.textDocument.uri);
      return a ? codeActions(a, p.range, p.context.diagnostics) : null;
    }),
  );
  connection.onDefinition((p) =>
    guard('definition', null, () => {
      const a = current(p.textDocument.uri);
      return a ? definition(a, toOffset(a.parsed.source, p.position)) : null;
    }),
  );

  documents.listen(connection);
  connection.listen();
  return connection;
}
