import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/** A reference to an indirect object, written `n 0 R`. */
export interface PdfRef {
  readonly id: number;
  toString(): string;
}

function ref(id: number): PdfRef {
  return { id, toString: () => `${id} 0 R` };
}

/**
 * The object table of one PDF 1.4 file: numbered objects, then the cross-reference table
 * with each object's byte offset, the trailer and startxref. Bodies are written as given
 * (dictionary syntax is the caller's), so only this file knows the file layout.
 */
export class PdfWriter {
  private readonly bodies: (Buffer | undefined)[] = [];

  /** Claims an object number now, for objects that point at each other (Pages ↔ Page). */
  reserve(): PdfRef {
    this.bodies.push(undefined);
    return ref(this.bodies.length);
  }

  set(target: PdfRef, body: string | Buffer): PdfRef {
    this.bodies[target.id - 1] = typeof body === 'string' ? Buffer.from(body, 'latin1') : body;
    return target;
  }

  add(body: string | Buffer): PdfRef {
    return this.set(this.reserve(), body);
  }

  /** A stream object; `dictEntries` without /Length, which is computed here. */
  stream(dictEntries: string, data: Buffer, options: { compress?: boolean } = {}): PdfRef {
    const compress = options.compress ?? true;
    const payload = compress ? deflateSync(data) : data;
    const filter = compress ? ' /Filter /FlateDecode' : '';
    const head = Buffer.from(`<< ${dictEntries}${filter} /Length ${payload.length} >>\nstream\n`, 'latin1');
    return this.add(Buffer.concat([head, payload, Buffer.from('\nendstream', 'latin1')]));
  }

  serialise(root: PdfRef, info: PdfRef): Buffer {
    // The comment line of high bytes tells transfer tools the file is binary (PDF 1.4, 7.5.2).
    const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
    let offset = chunks[0].length;
    const offsets: number[] = [];
    this.bodies.forEach((body, index) => {
      if (!body) throw new Error(`PDF object ${index + 1} was reserved but never written`);
      const wrapped = Buffer.concat([
        Buffer.from(`${index + 1} 0 obj\n`, 'latin1'),
        body,
        Buffer.from('\nendobj\n', 'latin1'),
      ]);
      offsets.push(offset);
      chunks.push(wrapped);
      offset += wrapped.length;
    });
    const size = this.bodies.length + 1;
    // Each xref entry is exactly 20 bytes, ending in space + LF (7.5.4).
    const entries = offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('');
    const id = createHash('md5').update(Buffer.concat(chunks)).digest('hex');
    const tail =
      `xref\n0 ${size}\n0000000000 65535 f \n${entries}` +
      `trailer\n<< /Size ${size} /Root ${root} /Info ${info} /ID [<${id}> <${id}>] >>\n` +
      `startxref\n${offset}\n%%EOF\n`;
    chunks.push(Buffer.from(tail, 'latin1'));
    return Buffer.concat(chunks);
  }
}

/** A text string outside content streams (/Info, outlines): UTF-16BE with BOM, as hex. */
export function pdfTextString(text: string): string {
  const utf16le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return `<${utf16le.swap16().toString('hex').toUpperCase()}>`;
}

/** D:YYYYMMDDHHmmSS+08'00' — documents are dated in China Standard Time, whatever the host's zone. */
export function pdfDate(instant: Date): string {
  const cst = new Date(instant.getTime() + 8 * 60 * 60 * 1000).toISOString();
  const digits = cst.slice(0, 19).replace(/[-T:]/g, '');
  return `D:${digits}+08'00'`;
}
