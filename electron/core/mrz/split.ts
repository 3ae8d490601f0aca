/**
 * Cuts text holding several zones (a scanner log, a pasted batch, stdin) into zones. Blank lines
 * separate zones; lines are trimmed; line endings may be CR, LF or CRLF. A block with no blank
 * lines that is exactly several zones of one size (4 lines of 44, 6 of 30…) is cut into those zones,
 * because some scanners stream zones back to back.
 */
const SHAPES: { length: number; lines: number }[] = [
  { length: 44, lines: 2 },
  { length: 36, lines: 2 },
  { length: 30, lines: 3 },
];

export function splitZones(text: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const raw of String(text).split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line === '') {
      if (current.length) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) blocks.push(current);
  return blocks.flatMap(cutBackToBack);
}

function cutBackToBack(block: string[]): string[][] {
  for (const shape of SHAPES) {
    if (block.length > shape.lines && block.length % shape.lines === 0 && block.every((l) => l.length === shape.length)) {
      return Array.from({ length: block.length / shape.lines }, (_, i) => block.slice(i * shape.lines, (i + 1) * shape.lines));
    }
  }
  return [block];
}
