/**
 * RFC 4180 CSV records with the line each record starts on, so a rejected row can be named to the
 * technician. Quoted fields may hold commas, quotes ("") and line breaks.
 */
import { readLinesSync } from './lines';

export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

export function* readCsv(path: string): Generator<CsvRecord | CsvSyntaxError> {
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let startLine = 0;
  for (const { line, text } of readLinesSync(path)) {
    if (!inQuotes) {
      startLine = line;
      fields = [];
      field = '';
      if (!text.trim()) continue;
    } else {
      field += '\n';
    }
    let broken = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (inQuotes) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else inQuotes = false;
        } else field += ch;
      } else if (ch === '"') {
        if (field.trim() === '') {
          field = '';
          inQuotes = true;
        } else {
          yield new CsvSyntaxError(startLine, `quote inside an unquoted field (column ${fields.length + 1})`);
          broken = true;
          break;
        }
      } else if (ch === ',') {
        fields.push(field);
        field = '';
      } else field += ch;
    }
    if (broken) {
      inQuotes = false;
      continue;
    }
    if (inQuotes) {
      if (line - startLine > 50) {
        yield new CsvSyntaxError(startLine, 'quoted field never closed');
        inQuotes = false;
      }
      continue;
    }
    fields.push(field);
    yield { line: startLine, fields };
  }
  if (inQuotes) yield new CsvSyntaxError(startLine, 'quoted field never closed at end of file');
}

/** Parses CSV text held in memory (small reference files); rows of fields, syntax errors skipped. */
export function readCsvText(text: string): string[][] {
  const rows: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
    } else if (ch === '"' && field === '') inQuotes = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.length > 1 || fields[0] !== '') rows.push(fields);
      fields = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || fields.length) {
    fields.push(field);
    rows.push(fields);
  }
  return rows;
}
