import type { PdfDocument } from './document';
import { BLACK, type PageCanvas, type Rgb } from './page';
import { wrapParagraph } from './text';

/** The text block of a page: left edge, measure, and the top and bottom of the writing area. */
export interface FlowFrame {
  left: number;
  width: number;
  top: number;
  bottom: number;
}

export interface ParagraphStyle {
  size: number;
  lineHeight: number;
  /** First-line indent in em (2 for Chinese prose). */
  indentEm?: number;
  align?: 'left' | 'right' | 'centre';
  /** Space kept free at the right, in em (a signature stands 右空四字 off the margin). */
  rightIndentEm?: number;
  color?: Rgb;
}

/**
 * Flowing text: paragraphs are wrapped to the frame and placed line by line, starting a new
 * page of the document whenever the next line would cross the bottom of the frame.
 */
export class TextFlow {
  private y: number;

  constructor(
    private readonly doc: PdfDocument,
    private readonly frame: FlowFrame,
    private currentPage: PageCanvas,
    startY = frame.top,
  ) {
    this.y = startY;
  }

  get page(): PageCanvas {
    return this.currentPage;
  }

  /** Top of the next line. */
  get cursor(): number {
    return this.y;
  }

  gap(points: number): void {
    this.y -= points;
  }

  /** Starts a new page unless `height` points still fit, so a block is not split. */
  keep(height: number): void {
    if (this.y - height < this.frame.bottom) this.newPage();
  }

  /** The height `text` takes in `style`, to keep blocks together before placing them. */
  height(text: string, style: ParagraphStyle): number {
    return this.lines(text, style).length * style.lineHeight;
  }

  paragraph(text: string, style: ParagraphStyle): void {
    const indent = (style.indentEm ?? 0) * style.size;
    const width = this.lineWidth(style);
    this.lines(text, style).forEach((line, index) => {
      this.keep(style.lineHeight);
      // Baseline a little below the middle of the line box: CJK glyphs sit centred in it.
      const baseline = this.y - style.lineHeight / 2 - style.size * 0.35;
      const textStyle = { size: style.size, color: style.color ?? BLACK };
      const { left } = this.frame;
      if (style.align === 'right') this.currentPage.textRight(left + width, baseline, line, textStyle);
      else if (style.align === 'centre') this.currentPage.textCentred(baseline, line, textStyle, left + width / 2);
      else this.currentPage.text(left + (index === 0 ? indent : 0), baseline, line, textStyle);
      this.y -= style.lineHeight;
    });
  }

  private lines(text: string, style: ParagraphStyle): string[] {
    const indent = (style.indentEm ?? 0) * style.size;
    return wrapParagraph(text, this.lineWidth(style), style.size, indent);
  }

  private lineWidth(style: ParagraphStyle): number {
    return this.frame.width - (style.rightIndentEm ?? 0) * style.size;
  }

  private newPage(): void {
    this.currentPage = this.doc.addPage();
    this.y = this.frame.top;
  }
}
