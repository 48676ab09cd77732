/**
 * Reads a PDF as a PDF viewer does, with Mozilla's pdf.js (pdfjs-dist 3.x, its CommonJS
 * legacy build): an oracle that shares nothing with the writer in backend/documents/pdf/.
 * It reads as a machine with no fonts would: no system fonts, no standard-font data, no
 * CMap files, so every glyph it finds and every character it extracts comes from the file.
 *
 * What a reader gets: each page's size, its text lines (text content, in reading order, with
 * position, size and width as pdf.js measures them), the fill colour each piece of text is
 * shown in and any character whose glyph the font program lacks, the images painted (where,
 * how large, their pixels) and the fonts used, embedded or not.
 */
import { ReadableStream } from 'node:stream/web';
import { TextDecoder } from 'node:util';

type PdfJs = typeof import('pdfjs-dist');
type TextItem = import('pdfjs-dist/types/src/display/api').TextItem;

let pdfjs: PdfJs | undefined;

function load(): PdfJs {
  if (pdfjs) return pdfjs;
  // jsdom test environments lack Node's web streams (getTextContent) and TextDecoder (UTF-16 titles).
  const scope = globalThis as { ReadableStream?: unknown; TextDecoder?: unknown; pdfjsWorker?: unknown };
  scope.ReadableStream ??= ReadableStream;
  scope.TextDecoder ??= TextDecoder;
  // The worker's code in this thread: no worker file to locate, no eval'd require.
  scope.pdfjsWorker ??= require('pdfjs-dist/legacy/build/pdf.worker.js');
  // At load, pdf.js tries to polyfill canvas rendering from the optional `canvas` package and
  // says so when it is absent; nothing here renders, so that one notice is dropped.
  const log = console.log;
  console.log = (...args: unknown[]) => {
    if (!String(args[0]).startsWith('Warning: Cannot polyfill')) log(...args);
  };
  try {
    pdfjs = require('pdfjs-dist/legacy/build/pdf.js') as PdfJs;
  } finally {
    console.log = log;
  }
  return pdfjs;
}

/** A line of text as pdf.js lays it out: its start (baseline, points from the bottom left). */
export interface TextLine {
  text: string;
  x: number;
  y: number;
  /** The font size in points. */
  size: number;
  /** From x to the end of the line's last glyph, by the font's widths. */
  width: number;
}

/** One text-showing operation: the characters drawn and the fill colour they are drawn in. */
export interface ShownText {
  text: string;
  /** '#rrggbb'. */
  color: string;
  font: string;
  size: number;
  /**
   * Characters drawn with a glyph the embedded font program does not have (pdf.js finds no
   * glyph for the code), spaces excepted: what would print as an empty box or nothing.
   */
  missingGlyphs: string[];
}

export interface PaintedImage {
  /** Pixels of the image itself. */
  width: number;
  height: number;
  /** Where it is drawn on the page, in points. */
  x: number;
  y: number;
  drawnWidth: number;
  drawnHeight: number;
  /** [r, g, b] of the pixel at column `px`, row `py` (row 0 at the top). */
  rgbAt(px: number, py: number): number[];
}

export interface PageReading {
  width: number;
  height: number;
  lines: TextLine[];
  /** The page's text as a reader copies it: the lines, joined by newlines. */
  text: string;
  shown: ShownText[];
  images: PaintedImage[];
  fonts: { name: string; embedded: boolean; composite: boolean }[];
}

export interface PdfReading {
  title: string | undefined;
  /** /CreationDate, as pdf.js parses it. */
  created: Date | undefined;
  pages: PageReading[];
  /** All pages' text, page after page. */
  text: string;
}

/** A glyph of a text-showing operation, as pdf.js hands it over. */
interface Glyph {
  unicode: string;
  isSpace: boolean;
  /** Whether the font program has a glyph for the code (false for a font not embedded). */
  isInFont: boolean;
}

const hex = (rgb: ArrayLike<number>) => `#${Array.from(rgb, (c) => c.toString(16).padStart(2, '0')).join('')}`;

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** Joins pdf.js's text items into lines: an item with `hasEOL` ends its line. */
function linesOf(items: TextItem[]): TextLine[] {
  const lines: TextLine[] = [];
  let current: TextItem[] = [];
  const flush = () => {
    const drawn = current.filter((item) => item.str !== '');
    current = [];
    if (drawn.length === 0) return;
    const [first, last] = [drawn[0], drawn[drawn.length - 1]];
    lines.push({
      text: drawn.map((item) => item.str).join(''),
      x: first.transform[4],
      y: first.transform[5],
      size: Math.hypot(first.transform[2], first.transform[3]),
      width: last.transform[4] + last.width - first.transform[4],
    });
  };
  for (const item of items) {
    current.push(item);
    if (item.hasEOL) flush();
  }
  flush();
  return lines;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfReading> {
  const { getDocument, OPS, PDFDateString } = load();
  const document = await getDocument({
    data: new Uint8Array(bytes), // pdf.js takes the buffer over; the caller keeps theirs
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  try {
    const { info } = (await document.getMetadata()) as { info: { Title?: string; CreationDate?: string } };
    const pages: PageReading[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const [x0, y0, x1, y1] = page.view;
      const content = await page.getTextContent();
      const lines = linesOf(content.items.filter((item): item is TextItem => 'str' in item));
      const { fnArray, argsArray } = await page.getOperatorList();

      const shown: ShownText[] = [];
      const images: PaintedImage[] = [];
      const fontNames = new Set<string>();
      let ctm: Matrix = [1, 0, 0, 1, 0, 0];
      const saved: Matrix[] = [];
      let fill = '#000000';
      let font = { name: '', size: 0 };
      fnArray.forEach((fn, i) => {
        const args = argsArray[i];
        if (fn === OPS.save) saved.push(ctm);
        else if (fn === OPS.restore) ctm = saved.pop() ?? ctm;
        else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
        else if (fn === OPS.setFillRGBColor) fill = hex(args);
        else if (fn === OPS.setFont) {
          font = { name: args[0], size: args[1] };
          fontNames.add(args[0]);
        } else if (fn === OPS.showText) {
          const glyphs = (args[0] as (number | Glyph)[]).filter((glyph): glyph is Glyph => typeof glyph !== 'number');
          const text = glyphs.map((glyph) => glyph.unicode).join('');
          const missingGlyphs = glyphs.filter((glyph) => !glyph.isInFont && !glyph.isSpace && glyph.unicode.trim() !== '').map((glyph) => glyph.unicode);
          shown.push({ text, color: fill, font: font.name, size: font.size, missingGlyphs });
        } else if (fn === OPS.paintImageXObject) {
          const [id, width, height] = args as [string, number, number];
          const image = page.objs.get(id) as { width: number; height: number; kind: number; data: Uint8ClampedArray };
          images.push({ width, height, x: ctm[4], y: ctm[5], drawnWidth: ctm[0], drawnHeight: ctm[3], rgbAt: (px, py) => pixel(image, px, py) });
        }
      });
      const fonts = [...fontNames].map((name) => {
        const loaded = page.commonObjs.get(name) as { name: string; missingFile: boolean; composite: boolean };
        // A font pdf.js could not load at all has no missingFile: it is not counted as embedded.
        return { name: loaded.name, embedded: loaded.missingFile === false, composite: loaded.composite };
      });
      pages.push({ width: x1 - x0, height: y1 - y0, lines, text: lines.map((line) => line.text).join('\n'), shown, images, fonts });
    }
    const created = info.CreationDate ? (PDFDateString.toDateObject(info.CreationDate) ?? undefined) : undefined;
    return { title: info.Title, created, pages, text: pages.map((page) => page.text).join('\n') };
  } finally {
    await document.destroy();
  }
}

/** pdf.js's decoded image kinds (ImageKind): 1 bit grey, 24 bit RGB, 32 bit RGBA. */
function pixel(image: { width: number; kind: number; data: Uint8ClampedArray }, px: number, py: number): number[] {
  if (image.kind === 2) return [...image.data.subarray((py * image.width + px) * 3, (py * image.width + px) * 3 + 3)];
  if (image.kind === 3) return [...image.data.subarray((py * image.width + px) * 4, (py * image.width + px) * 4 + 3)];
  const rowBytes = Math.ceil(image.width / 8);
  const on = (image.data[py * rowBytes + (px >> 3)] >> (7 - (px & 7))) & 1;
  return on ? [255, 255, 255] : [0, 0, 0];
}
