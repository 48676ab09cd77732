import type { PdfRef, PdfWriter } from './writer';

/**
 * The one font of our documents: a Type0 font over Adobe's CIDFont STSong-Light (Adobe-GB1),
 * not embedded, with the predefined CMap UniGB-UCS2-H, so text is written as UCS-2 codes.
 * Nothing is embedded — a letter stays a few KB — and the reader supplies the glyphs:
 * - Acrobat/Reader draws STSong-Light from its Asian font pack (bundled with Chinese
 *   Reader, offered as a download elsewhere);
 * - PDFium (Chrome, Edge, Android's viewers) has the GB1 CMaps built in and maps the font
 *   to a system CJK face; MuPDF carries its own CMaps and a CJK fallback font;
 * - pdf.js (Firefox, many web viewers) needs its cMapUrl set — Firefox ships the CMaps,
 *   embedders must configure them — and substitutes a local CJK font;
 * - poppler (pdftotext, evince) needs poppler-data for the CMap.
 * Apple's PDFKit substitutes system Song/PingFang faces for Adobe-GB1 fonts. A viewer with
 * no CJK support shows boxes; for that reader only embedding a font would help.
 * The /ToUnicode map makes copy and search work without the CMap files.
 */
export const FONT_RESOURCE_NAME = 'F1';

// Widths in 1/1000 em. CIDs 1-95 are where UniGB-UCS2-H puts printable ASCII (U+0020-007E);
// declaring them 500 makes the half-em measure of text.ts exact for the reader too.
const WIDTHS = '/DW 1000 /W [1 95 500]';

export function addChineseFont(writer: PdfWriter): PdfRef {
  const descriptor = writer.add(
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880]' +
      ' /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  );
  const cidFont = writer.add(
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light' +
      ' /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >>' +
      ` /FontDescriptor ${descriptor} ${WIDTHS} >>`,
  );
  const toUnicode = writer.stream('', Buffer.from(identityToUnicodeCMap(), 'latin1'));
  return writer.add(
    `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H` +
      ` /DescendantFonts [${cidFont}] /ToUnicode ${toUnicode} >>`,
  );
}

/**
 * Our character codes are UCS-2 already, so the ToUnicode map is the identity over the BMP
 * (surrogates excepted). A bfrange may vary only in its last byte, hence one range per high
 * byte, and at most 100 entries per block.
 */
function identityToUnicodeCMap(): string {
  const ranges: string[] = [];
  for (let high = 0; high < 0x100; high += 1) {
    if (high >= 0xd8 && high <= 0xdf) continue;
    const h = high.toString(16).toUpperCase().padStart(2, '0');
    ranges.push(`<${h}00> <${h}FF> <${h}00>`);
  }
  const blocks: string[] = [];
  for (let i = 0; i < ranges.length; i += 100) {
    const block = ranges.slice(i, i + 100);
    blocks.push(`${block.length} beginbfrange\n${block.join('\n')}\nendbfrange`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
