/**
 * A small XML reader for list files with a known, flat structure (the UN consolidated list).
 * Elements become {name, text, children, line}; attributes are ignored; entities are decoded.
 */
export interface XmlNode {
  name: string;
  text: string;
  children: XmlNode[];
  line: number;
}

export class XmlSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

export function parseXml(src: string): XmlNode {
  const root: XmlNode = { name: '#root', text: '', children: [], line: 1 };
  const stack: XmlNode[] = [root];
  const re = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)([^>]*?)(\/?)>/g;
  let line = 1;
  let lastIndex = 0;
  let m: RegExpExecArray | null;
  const countLines = (from: number, to: number) => {
    for (let i = src.indexOf('\n', from); i >= 0 && i < to; i = src.indexOf('\n', i + 1)) line++;
  };
  while ((m = re.exec(src))) {
    const between = src.slice(lastIndex, m.index);
    if (between.includes('<')) {
      countLines(lastIndex, src.indexOf('<', lastIndex));
      throw new XmlSyntaxError(line, 'malformed tag');
    }
    stack[stack.length - 1]!.text += decodeEntities(between);
    countLines(lastIndex, m.index);
    lastIndex = re.lastIndex;
    if (m[1] !== undefined) {
      stack[stack.length - 1]!.text += m[1];
    } else if (m[3]) {
      if (m[2] === '/') {
        const top = stack.pop();
        if (!top || top.name !== m[3] || stack.length === 0) throw new XmlSyntaxError(line, `closing tag </${m[3]}> does not match <${top?.name ?? ''}>`);
      } else {
        const node: XmlNode = { name: m[3], text: '', children: [], line };
        stack[stack.length - 1]!.children.push(node);
        if (!m[5]) stack.push(node);
      }
    }
    countLines(m.index, re.lastIndex);
  }
  if (src.slice(lastIndex).includes('<')) throw new XmlSyntaxError(line, 'malformed tag');
  if (stack.length !== 1) throw new XmlSyntaxError(line, `file ends inside <${stack[stack.length - 1]!.name}>`);
  return root;
}

export const child = (n: XmlNode, name: string) => n.children.find((c) => c.name === name);
export const children = (n: XmlNode, name: string) => n.children.filter((c) => c.name === name);
export const textOf = (n: XmlNode | undefined) => (n ? n.text.trim() : '');
