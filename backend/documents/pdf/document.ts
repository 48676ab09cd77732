import type { Font } from 'fontkit';
import { mainFace, prepareFonts, runEm, runsOf, type Face } from './fonts';
import { opaquePng, type OpaquePng } from './image';
import { A4, PageCanvas, type DrawOp, type ImageHandle, type Rgb } from './page';

export interface DocumentMeta {
  title: string;
  /** The creation instant; injectable so that output is reproducible. */
  now?: Date;
}

const PRODUCER = '人大代表联络站 documents';

type Pdf = PDFKit.PDFDocument;

/**
 * A4 pages, the Noto Serif CJK faces, opaque PNG images: everything our printable documents
 * need. Pages are laid out first (page.ts records them), then written by pdfkit, which embeds
 * a subset of each face used, with a ToUnicode map that keeps characters beyond the BMP.
 */
export class PdfDocument {
  private readonly images: OpaquePng[] = [];
  readonly pages: PageCanvas[] = [];
  private rendered = false;

  private constructor(private readonly meta: DocumentMeta) {}

  /** A new document, once the fonts it measures and draws text with are loaded. */
  static async create(meta: DocumentMeta): Promise<PdfDocument> {
    await prepareFonts();
    return new PdfDocument(meta);
  }

  addImage(png: Buffer): ImageHandle {
    const image = opaquePng(png);
    this.images.push(image);
    return { index: this.images.length - 1, width: image.width, height: image.height };
  }

  addPage(): PageCanvas {
    const page = new PageCanvas();
    this.pages.push(page);
    return page;
  }

  /** Writes the document; once only, as the pages are painted into one pdfkit document. */
  async toBuffer(): Promise<Buffer> {
    if (this.rendered) throw new Error('a PdfDocument renders once');
    this.rendered = true;
    const now = this.meta.now ?? new Date();
    // Loaded with the first document, like the fonts: see prepareFonts.
    const { default: PDFKitDocument } = await import('pdfkit');
    const pdf = new PDFKitDocument({
      size: [A4.width, A4.height],
      margin: 0,
      autoFirstPage: false,
      // Set before any text so pdfkit never loads its standard Helvetica, which is not bundled.
      font: asFontSource(mainFace().font) as string,
      lang: 'zh-CN',
      displayTitle: true,
      info: { Title: this.meta.title, Producer: PRODUCER, Creator: PRODUCER, CreationDate: now, ModDate: now },
    });
    const written = collect(pdf);
    const painter = new Painter(pdf, this.images);
    for (const page of this.pages) {
      pdf.addPage();
      for (const op of page.ops) painter.paint(op);
    }
    pdf.end();
    return written;
  }
}

/**
 * pdfkit ≥ 0.20 takes a parsed fontkit font wherever it takes font bytes (its changelog:
 * "Accept already-parsed fontkit Font instances"); @types/pdfkit 0.17 does not know yet. One
 * parse per process then serves every document.
 */
function asFontSource(font: Font): PDFKit.Mixins.PDFFontSource {
  return font as unknown as PDFKit.Mixins.PDFFontSource;
}

function collect(pdf: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    pdf.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}

/** pdfkit takes RGB arrays in 0..255. */
const rgb255 = (rgb: Rgb): [number, number, number] => [rgb[0] * 255, rgb[1] * 255, rgb[2] * 255];

/** Paints recorded ops into pdfkit, whose origin is the top-left corner with y down. */
class Painter {
  private readonly faceNames = new Map<Face, string>();

  constructor(
    private readonly pdf: Pdf,
    private readonly images: OpaquePng[],
  ) {}

  paint(op: DrawOp): void {
    const { pdf } = this;
    const top = (y: number) => A4.height - y;
    switch (op.kind) {
      case 'text': {
        // Each run in its own face, one after the other along the baseline.
        let x = op.x;
        for (const run of runsOf(op.text)) {
          pdf.font(this.nameOf(run.face)).fontSize(op.size).fillColor(rgb255(op.color));
          pdf.text(run.text, x, top(op.y), { lineBreak: false, baseline: 'alphabetic' });
          x += runEm(run) * op.size;
        }
        return;
      }
      case 'line':
        pdf.save().lineWidth(op.width).strokeColor(rgb255(op.color));
        pdf.moveTo(op.x1, top(op.y1)).lineTo(op.x2, top(op.y2)).stroke().restore();
        return;
      case 'rect': {
        pdf
          .save()
          .lineWidth(op.lineWidth)
          .rect(op.x, top(op.y + op.height), op.width, op.height);
        if (op.fill && op.stroke) pdf.fillAndStroke(rgb255(op.fill), rgb255(op.stroke));
        else if (op.fill) pdf.fill(rgb255(op.fill));
        else pdf.stroke(rgb255(op.stroke ?? [0, 0, 0]));
        pdf.restore();
        return;
      }
      case 'image':
        pdf.image(this.images[op.image.index].png, op.x, top(op.y + op.height), { width: op.width, height: op.height });
        return;
    }
  }

  /** A face registered once per document, so pdfkit embeds one subset of it. */
  private nameOf(face: Face): string {
    let name = this.faceNames.get(face);
    if (!name) {
      name = `face${this.faceNames.size + 1}`;
      this.pdf.registerFont(name, asFontSource(face.font));
      this.faceNames.set(face, name);
    }
    return name;
  }
}
