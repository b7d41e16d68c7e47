// Finds where a JSON Pointer (RFC 6901, as in ajv's instancePath) points in JSON text, so a
// schema error can name the line and column of the bad field. Runs only when there is an
// error; it scans the text once per pointer and never builds a tree.

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

function skipWs(text: string, i: number): number {
  while (i < text.length && WS.has(text.charCodeAt(i))) i++;
  return i;
}

/** Offset just past the string starting at `i` (which must be a `"`). */
function skipString(text: string, i: number): number {
  i++;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i += 2;
    else if (c === 0x22) return i + 1;
    else i++;
  }
  return i;
}

/** Offset just past the value starting at `i`. */
function skipValue(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return skipString(text, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    while (i < text.length) {
      const d = text[i];
      if (d === '"') {
        i = skipString(text, i);
        continue;
      }
      if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    return i;
  }
  while (i < text.length && !/[,\]}\s]/.test(text[i] as string)) i++;
  return i;
}

function segments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The offset of the value `pointer` names, or undefined when the text does not contain it. */
export function locatePointer(text: string, pointer: string): number | undefined {
  let i = skipWs(text, 0);
  for (const seg of segments(pointer)) {
    const open = text[i];
    if (open === '{') {
      i = skipWs(text, i + 1);
      let found = false;
      while (i < text.length && text[i] === '"') {
        const keyEnd = skipString(text, i);
        let key: string;
        try {
          key = JSON.parse(text.slice(i, keyEnd)) as string;
        } catch {
          return undefined;
        }
        i = skipWs(text, keyEnd);
        if (text[i] !== ':') return undefined;
        i = skipWs(text, i + 1);
        if (key === seg) {
          found = true;
          break;
        }
        i = skipWs(text, skipValue(text, i));
        if (text[i] === ',') i = skipWs(text, i + 1);
      }
      if (!found) return undefined;
    } else if (open === '[') {
      const want = Number(seg);
      if (!Number.isInteger(want) || want < 0) return undefined;
      i = skipWs(text, i + 1);
      for (let k = 0; k < want; k++) {
        if (text[i] === ']' || i >= text.length) return undefined;
        i = skipWs(text, skipValue(text, i));
        if (text[i] !== ',') return undefined;
        i = skipWs(text, i + 1);
      }
      if (text[i] === ']') return undefined;
    } else return undefined;
  }
  return i;
}

/** 1-based line and column of `offset` (UTF-16 code units), as editors count them. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
