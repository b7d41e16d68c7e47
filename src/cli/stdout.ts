// Output to stdout (and stderr) without process.stdout (process.stderr) where that is safe. Node creates process.stdout on
// first use, and creating it costs 1.6 ms of start-up for a file or /dev/null and 2.6 ms for a
// pipe (it loads the stream machinery; tty adds net): a tenth of what a lint or compile of one
// spec adds to Node's own start (bench/startup). So until something has created the stream,
// text goes straight to file descriptor 1 with writeSync; after that, always through the
// stream, so nothing overtakes what it still holds. On Linux, Node's own writes to files, pipes
// and terminals are synchronous too.
import { fstatSync, statSync, writeSync } from 'node:fs';
import { untouched } from './process-guard.ts';

/** The reader closed the pipe (`restorec lint | head`): the rest is dropped, as the guard does. */
const gone = { stdout: false, stderr: false };

function writeTo(name: 'stdout' | 'stderr', fd: number, text: string | Uint8Array): void {
  if (gone[name]) return;
  if (!untouched(name)) {
    process[name].write(text);
    return;
  }
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(fd, bytes, done);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') gone[name] = true;
    // A non-blocking descriptor (inherited that way) that is full: the stream waits for room.
    else if (code === 'EAGAIN') process[name].write(bytes.subarray(done));
    // Anything else (ENOSPC on /dev/full, ...) is what the stream would have reported: the
    // command line's last line of defence turns a failed write into one sentence and exit 2.
    else throw e;
  }
}

/** Writes `text` (or bytes of UTF-8) to stdout: see the top of this file. */
export function writeStdout(text: string | Uint8Array): void {
  writeTo('stdout', 1, text);
}

/** Writes `text` to stderr, the same way (notes and summaries of live reads). */
export function writeStderr(text: string): void {
  writeTo('stderr', 2, text);
}

/**
 * Whether stdout is a terminal, answered without creating process.stdout (or loading tty) when
 * it plainly is not: only a character device other than /dev/null can be one.
 */
export function stdoutMayBeTerminal(): boolean {
  try {
    const st = fstatSync(1);
    return st.isCharacterDevice() && st.rdev !== statSync('/dev/null').rdev;
  } catch {
    return true; // cannot tell: ask the stream
  }
}
