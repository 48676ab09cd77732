import { inflateSync } from 'node:zlib';

/**
 * A deliberately small PDF reader for tests: it trusts nothing the writer computed and
 * finds everything from the bytes — the xref table, the trailer, each object, each page's
 * inflated content stream and the text drawn on it.
 */
export interface ParsedObject {
  id: number;
  offset: number;
  dict: string;
  stream?: Buffer;
}

export interface ParsedPdf {
  bytes: Buffer;
  startxref: number;
  xrefOffsets: number[];
  trailer: string;
  objects: Map<number, ParsedObject>;
}

export function parsePdf(bytes: Buffer): ParsedPdf {
  const text = bytes.toString('latin1');
  const startxrefMatch = /startxref\n(\d+)\n%%EOF\n?$/.exec(text);
  if (!startxrefMatch) throw new Error('no startxref at the end');
  const startxref = Number(startxrefMatch[1]);
  const xrefMatch = /^xref\n0 (\d+)\n/.exec(text.slice(startxref));
  if (!xrefMatch) throw new Error(`startxref ${startxref} does not point at "xref"`);
  const count = Number(xrefMatch[1]);
  const entriesStart = startxref + xrefMatch[0].length;
  const xrefOffsets: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const entry = text.slice(entriesStart + i * 20, entriesStart + (i + 1) * 20);
    if (!/^\d{10} \d{5} [nf] \n$/.test(entry)) throw new Error(`bad xref entry ${i}: ${JSON.stringify(entry)}`);
    xrefOffsets.push(Number(entry.slice(0, 10)));
  }
  const afterEntries = text.slice(entriesStart + count * 20);
  const trailerMatch = /^trailer\n(<<[\s\S]*?>>)\nstartxref/.exec(afterEntries);
  if (!trailerMatch) throw new Error('no trailer after the xref table');

  const objects = new Map<number, ParsedObject>();
  for (let id = 1; id < count; id += 1) {
    const offset = xrefOffsets[id];
    const header = `${id} 0 obj\n`;
    if (text.slice(offset, offset + header.length) !== header) throw new Error(`xref offset of ${id} misses "${id} 0 obj"`);
    const bodyStart = offset + header.length;
    const streamAt = text.indexOf('\nstream\n', bodyStart);
    const endObj = text.indexOf('\nendobj\n', bodyStart);
    if (streamAt !== -1 && streamAt < endObj) {
      const dict = text.slice(bodyStart, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
      const dataStart = streamAt + '\nstream\n'.length;
      let data = bytes.subarray(dataStart, dataStart + length);
      if (text.slice(dataStart + length, dataStart + length + 10) !== '\nendstream') {
        throw new Error(`object ${id}: /Length ${length} does not end at endstream`);
      }
      if (dict.includes('/FlateDecode')) data = inflateSync(data);
      objects.set(id, { id, offset, dict, stream: data });
    } else {
      objects.set(id, { id, offset, dict: text.slice(bodyStart, endObj) });
    }
  }
  return { bytes, startxref, xrefOffsets, trailer: trailerMatch[1], objects };
}

export function refOf(dict: string, key: string): number {
  const match = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  if (!match) throw new Error(`no /${key} reference in ${dict}`);
  return Number(match[1]);
}

export function objectOf(pdf: ParsedPdf, id: number): ParsedObject {
  const object = pdf.objects.get(id);
  if (!object) throw new Error(`no object ${id}`);
  return object;
}

/** The page dictionaries in reading order (the /Kids of the root /Pages). */
export function pagesOf(pdf: ParsedPdf): ParsedObject[] {
  const catalog = objectOf(pdf, refOf(pdf.trailer, 'Root'));
  const pages = objectOf(pdf, refOf(catalog.dict, 'Pages'));
  const kids = /\/Kids \[([^\]]*)\]/.exec(pages.dict)?.[1] ?? '';
  return [...kids.matchAll(/(\d+) 0 R/g)].map((match) => objectOf(pdf, Number(match[1])));
}

export interface TextRun {
  x: number;
  y: number;
  size: number;
  color: number[];
  text: string;
}

export function decodeUcs2Hex(hex: string): string {
  let text = '';
  for (let i = 0; i < hex.length; i += 4) text += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return text;
}

/** The text runs a page's content stream draws, in drawing order. */
export function textRunsOf(pdf: ParsedPdf, page: ParsedObject): TextRun[] {
  const content = objectOf(pdf, refOf(page.dict, 'Contents')).stream!.toString('latin1');
  const pattern = /BT ([\d.]+) ([\d.]+) ([\d.]+) rg \/F1 ([\d.]+) Tf 1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm <([0-9A-F]*)> Tj ET/g;
  return [...content.matchAll(pattern)].map((m) => ({
    color: [Number(m[1]), Number(m[2]), Number(m[3])],
    size: Number(m[4]),
    x: Number(m[5]),
    y: Number(m[6]),
    text: decodeUcs2Hex(m[7]),
  }));
}

/** The PDF's own text strings (/Info): <FEFF…> UTF-16BE hex. */
export function decodeTextString(hex: string): string {
  const bytes = Buffer.from(hex, 'hex');
  if (bytes[0] !== 0xfe || bytes[1] !== 0xff) throw new Error('text string without BOM');
  return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
}
