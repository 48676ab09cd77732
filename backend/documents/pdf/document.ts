import { addChineseFont, FONT_RESOURCE_NAME } from './fonts';
import { addPngImage, type PdfImage } from './image';
import { A4, PageCanvas, type ImageHandle } from './page';
import { pdfDate, pdfTextString, PdfWriter } from './writer';

export interface DocumentMeta {
  title: string;
  /** The creation instant; injectable so that output is reproducible. */
  now?: Date;
}

const PRODUCER = '人大代表联络站 documents';

/** A4 pages, one Chinese font, PNG images: everything our printable documents need. */
export class PdfDocument {
  private readonly writer = new PdfWriter();
  private readonly images: { handle: ImageHandle; image: PdfImage }[] = [];
  readonly pages: PageCanvas[] = [];

  constructor(private readonly meta: DocumentMeta) {}

  addImage(png: Buffer): ImageHandle {
    const image = addPngImage(this.writer, png);
    const handle = { name: `Im${this.images.length + 1}`, width: image.width, height: image.height };
    this.images.push({ handle, image });
    return handle;
  }

  addPage(): PageCanvas {
    const page = new PageCanvas();
    this.pages.push(page);
    return page;
  }

  private rendered = false;

  /** Serialises the document; once only, since it writes the font and pages into the table. */
  toBuffer(): Buffer {
    if (this.rendered) throw new Error('a PdfDocument renders once');
    this.rendered = true;
    const { writer } = this;
    const font = addChineseFont(writer);
    const xObjects = this.images.map(({ handle, image }) => `/${handle.name} ${image.ref}`).join(' ');
    const resources =
      `<< /ProcSet [/PDF /Text /ImageC] /Font << /${FONT_RESOURCE_NAME} ${font} >>` +
      (xObjects ? ` /XObject << ${xObjects} >>` : '') +
      ' >>';
    const pagesRef = writer.reserve();
    const pageRefs = this.pages.map((page) => {
      const content = writer.stream('', page.content());
      return writer.add(
        `<< /Type /Page /Parent ${pagesRef} /MediaBox [0 0 ${A4.width} ${A4.height}]` +
          ` /Resources ${resources} /Contents ${content} >>`,
      );
    });
    writer.set(pagesRef, `<< /Type /Pages /Kids [${pageRefs.join(' ')}] /Count ${pageRefs.length} >>`);
    const root = writer.add(`<< /Type /Catalog /Pages ${pagesRef} /Lang (zh-CN) >>`);
    const created = pdfDate(this.meta.now ?? new Date());
    const info = writer.add(
      `<< /Title ${pdfTextString(this.meta.title)} /Producer ${pdfTextString(PRODUCER)}` +
        ` /CreationDate (${created}) /ModDate (${created}) >>`,
    );
    return writer.serialise(root, info);
  }
}
