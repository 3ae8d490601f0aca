/**
 * Cuts text holding several zones (a scanner log, a pasted batch, stdin) into zones: blank lines
 * separate zones; lines are trimmed and line endings may be CR, LF or CRLF.
 */
export function splitZones(text: string): string[][] {
  const zones: string[][] = [];
  let current: string[] = [];
  for (const raw of String(text).split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line === '') {
      if (current.length) zones.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) zones.push(current);
  return zones;
}
