import fs from 'node:fs';
import path from 'node:path';

/**
 * The font files our PDFs embed (as subsets), all from Google's Noto Serif CJK design, so a
 * character drawn from a fallback matches its neighbours. Each comes from an npm package of
 * static TTFs (SIL Open Font License 1.1): TrueType outlines, which fontkit subsets correctly.
 *
 * The body is Song (宋体). GB/T 9704 sets official documents' body in FangSong (仿宋), but no
 * openly licensed FangSong is published on npm (the Founder FangSong web packages are free to
 * use, not open), so the letter keeps Song.
 */
export interface FontFile {
  /** The npm package that ships it (a devDependency: only the file travels with a function). */
  readonly packageName: string;
  /** Path of the TTF inside the package. */
  readonly file: string;
  /** The package's font licence, shipped next to the font as OFL requires. */
  readonly licence: string;
}

/** Noto Serif SC (思源宋体): Simplified Chinese, with 442 characters beyond the BMP (𬌗 𫖯 𬘬 …). */
export const MAIN_FONT: FontFile = {
  packageName: '@expo-google-fonts/noto-serif-sc',
  file: '400Regular/NotoSerifSC_400Regular.ttf',
  licence: 'LICENSE_FONT',
};

/**
 * Drawn only for characters the main font lacks, in this order: the Traditional cut carries
 * Hong Kong's and Taiwan's rare characters beyond the BMP (𡈼 U+2123C among them), the Japanese
 * cut those of JIS X 0213 (𠮷 U+20BB7).
 */
export const FALLBACK_FONTS: readonly FontFile[] = [
  { packageName: '@expo-google-fonts/noto-serif-tc', file: '400Regular/NotoSerifTC_400Regular.ttf', licence: 'LICENSE_FONT' },
  { packageName: '@expo-google-fonts/noto-serif-jp', file: '400Regular/NotoSerifJP_400Regular.ttf', licence: 'LICENSE_FONT' },
];

export const ALL_FONTS: readonly FontFile[] = [MAIN_FONT, ...FALLBACK_FONTS];

/** The folder beside a function's index.js that scripts/build-functions.ts fills. */
export const SHIPPED_FONTS_FOLDER = 'fonts';

/** The name a font (or its licence) has in the shipped folder. */
export function shippedName(font: FontFile, what: 'font' | 'licence' = 'font'): string {
  const base = path.basename(font.file);
  return what === 'font' ? base : `${path.basename(base, path.extname(base))}.LICENSE.txt`;
}

/** The file in node_modules: where the build copies from, and where source runs (tests) read. */
export function packagedPath(font: FontFile, what: 'font' | 'licence' = 'font'): string {
  return require.resolve(`${font.packageName}/${what === 'font' ? font.file : font.licence}`);
}

/**
 * Where this process finds the font: beside the bundle in a deployed function (esbuild makes
 * `__dirname` the function's folder), else in node_modules.
 */
export function fontPath(font: FontFile): string {
  const shipped = path.join(__dirname, SHIPPED_FONTS_FOLDER, shippedName(font));
  return fs.existsSync(shipped) ? shipped : packagedPath(font);
}
