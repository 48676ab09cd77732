/**
 * Whether JSON text nests objects and arrays deeper than `max` levels (the outermost counts
 * as 1), read byte by byte without parsing: brackets inside strings are text, and a
 * backslash escapes the next byte. UTF-8 continuation bytes are never ASCII, so bytes do.
 * Malformed text is not judged here; JSON.parse refuses it afterwards.
 */
export function jsonDepthExceeds(bytes: Uint8Array, max: number): boolean {
  const QUOTE = 0x22;
  const BACKSLASH = 0x5c;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
      continue;
    }
    if (byte === QUOTE) inString = true;
    else if (byte === 0x5b || byte === 0x7b) {
      depth += 1;
      if (depth > max) return true;
    } else if (byte === 0x5d || byte === 0x7d) depth -= 1;
  }
  return false;
}
