// The last line of defence: whatever escapes a command (a bug, an error thrown from an event
// handler, a rejected promise nobody awaited) becomes one line on stderr and exit code 2, with a
// hint to report it; the stack only with --verbose or RESTOREC_DEBUG=1. And a reader that
// closes the pipe early (`restorec compile | head`) ends the output quietly: the command still
// finishes and its exit code still says what it found.
import { visibleText } from '../grammar/visible.ts';
import { redact } from '../cloud/redact.ts';
import { EXIT_USAGE } from './errors.ts';
import { describeCode } from '../grammar/read-bounded.ts';

/** Whether the stack of an internal error is shown. */
export function wantsStack(argv: readonly string[]): boolean {
  const debug = process.env['RESTOREC_DEBUG'];
  return argv.includes('--verbose') || (debug !== undefined && debug !== '' && debug !== '0');
}

/** A write to stdout or stderr that failed for the device's sake (`> /dev/full`), not restorec's. */
function outputFailure(e: unknown): string | undefined {
  const err = e as NodeJS.ErrnoException | undefined;
  if (err?.syscall !== 'write' || typeof err.code !== 'string' || err.code === 'EPIPE') return undefined;
  return `restorec: cannot write the output: ${describeCode(err.code)}\n`;
}

/** One line (two with the hint) for an error that is restorec's fault, secrets redacted; or
 *  the one line for an output that could not be written. */
export function describeInternalError(e: unknown, showStack: boolean): string {
  const output = outputFailure(e);
  if (output) return output;
  const err = e instanceof Error ? e : new Error(String(e));
  const message = visibleText(redact(String(err.message).split('\n')[0] ?? ''));
  const hint = showStack
    ? `${redact(err.stack ?? '')}\n`
    : '  help: this is a bug in restorec: please report it with the command you ran (RESTOREC_DEBUG=1 shows where it happened)\n';
  return `restorec: internal error: ${message}\n${hint}`;
}

/** EPIPE: the reader is gone. Later writes to that stream do nothing; a writer waiting for room
 *  (compile's chunked output) is released. */
function closePipe(stream: NodeJS.WriteStream): void {
  stream.write = (() => true) as typeof stream.write;
  // What was queued will never be taken: say nothing is, so no writer waits for a 'drain'.
  Object.defineProperty(stream, 'writableLength', { value: 0, configurable: true });
  stream.emit('drain');
}

/**
 * Listens for errors on process.stdout / process.stderr from the moment they are created. Node
 * creates them on first use, and creating one costs milliseconds of start-up a clean
 * `fmt --check` never pays: so the getter is wrapped, not called.
 */
function onceCreated(name: 'stdout' | 'stderr', listen: (stream: NodeJS.WriteStream) => void): void {
  const desc = Object.getOwnPropertyDescriptor(process, name);
  if (!desc?.get || !desc.configurable) {
    listen(process[name]);
    return;
  }
  const get = desc.get;
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: desc.enumerable ?? true,
    get() {
      const stream = get.call(process) as NodeJS.WriteStream;
      Object.defineProperty(process, name, { configurable: true, enumerable: desc.enumerable ?? true, value: stream, writable: false });
      listen(stream);
      return stream;
    },
  });
}

/** One state per process, not per bundle: each split bundle holds a copy of this module, and
 *  writeStdout in any of them must know what the guard the main bundle installed has seen. */
const state = ((globalThis as Record<symbol, unknown>)[Symbol.for('restorec.processGuard')] ??= {
  installed: false,
  /** Which of process.stdout / process.stderr exist: created on first use, after the guard is in. */
  created: { stdout: false, stderr: false },
}) as { installed: boolean; created: { stdout: boolean; stderr: boolean } };

/** Whether nothing has created process.stdout (or stderr) yet in a CLI run: see writeStdout. */
export function untouched(name: 'stdout' | 'stderr'): boolean {
  return state.installed && !state.created[name];
}

export function installProcessGuard(argv: readonly string[]): void {
  if (state.installed) return;
  state.installed = true;
  const fatal = (e: unknown) => {
    try {
      process.stderr.write(describeInternalError(e, wantsStack(argv)));
    } finally {
      process.exit(EXIT_USAGE);
    }
  };
  for (const name of ['stdout', 'stderr'] as const) {
    onceCreated(name, (stream) => {
      state.created[name] = true;
      stream.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') closePipe(stream);
        else fatal(e);
      });
    });
  }
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
}
