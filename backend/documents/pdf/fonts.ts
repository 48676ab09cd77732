import fs from 'node:fs';
import type * as Fontkit from 'fontkit';
import { FALLBACK_FONTS, fontPath, MAIN_FONT, type FontFile } from './font-files';

/**
 * The faces text is drawn in, parsed by fontkit (the engine pdfkit embeds them with): which
 * face draws each character, and how wide text is, measured as the PDF will draw it.
 */
export interface Face {
  readonly file: FontFile;
  readonly font: Fontkit.Font;
}

/** A stretch of text drawn in one face. */
export interface Run {
  face: Face;
  text: string;
}

let fontkit: typeof Fontkit | undefined;

/**
 * Loads fontkit and the main font. Done on the first document, not when a function starts:
 * most calls of the functions that draw PDFs draw none, and fontkit takes a while to load.
 */
export async function prepareFonts(): Promise<void> {
  fontkit ??= await import('fontkit');
  mainFace();
}

// A parsed font is kept for the life of the process: the main font's 15 MB are read once per
// cold start, and a fallback only when a character first needs it.
const loaded = new Map<FontFile, Face>();

function load(file: FontFile): Face {
  const cached = loaded.get(file);
  if (cached) return cached;
  if (!fontkit) throw new Error('fonts are not ready: await prepareFonts() first');
  const parsed = fontkit.create(fs.readFileSync(fontPath(file)));
  if (!('layout' in parsed)) throw new Error(`${file.file} is a font collection, not a font`);
  const face = { file, font: parsed };
  loaded.set(file, face);
  return face;
}

export function mainFace(): Face {
  return load(MAIN_FONT);
}

/**
 * What prints for a character no face has: 〓 (U+3013), the typesetter's mark for a missing
 * character, which a clerk can write over by hand — rather than an empty box that copies as
 * U+0000. White space (a tab) prints as a space.
 */
export const MISSING_CHARACTER = '\u3013';

/** The face that draws `char`: the main one if it has the glyph, else the first fallback that has. */
function faceFor(char: string): Face | undefined {
  const codePoint = char.codePointAt(0) ?? 0;
  const main = mainFace();
  if (main.font.hasGlyphForCodePoint(codePoint)) return main;
  if (/\s/.test(char)) return undefined; // no fallback is loaded for a tab
  for (const file of FALLBACK_FONTS) {
    const face = load(file);
    if (face.font.hasGlyphForCodePoint(codePoint)) return face;
  }
  return undefined;
}

/** `text` as drawn: cut where the drawing face changes, characters no face has replaced. */
export function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  for (const original of text) {
    const face = faceFor(original);
    const char = face ? original : /\s/.test(original) ? ' ' : MISSING_CHARACTER;
    const drawnBy = face ?? mainFace();
    const last = runs[runs.length - 1];
    if (last?.face === drawnBy) last.text += char;
    else runs.push({ face: drawnBy, text: char });
  }
  return runs;
}

/**
 * The advance of one run in em, shaped as pdfkit shapes it when drawing: fontkit's layout
 * word by word, each word with the space or tab after it, so kerning never crosses a space.
 */
export function runEm(run: Run): number {
  const words = run.text.match(/[^ \t]*[ \t]|[^ \t]+$/g) ?? [];
  const units = words.reduce((sum, word) => sum + run.face.font.layout(word).advanceWidth, 0);
  return units / run.face.font.unitsPerEm;
}
