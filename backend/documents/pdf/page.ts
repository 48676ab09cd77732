import { FONT_RESOURCE_NAME } from './fonts';
import { encodeUcs2Hex, measure } from './text';

/** A4 portrait in points (210 × 297 mm). */
export const A4 = { width: 595.28, height: 841.89 } as const;

export function mm(millimetres: number): number {
  return (millimetres * 72) / 25.4;
}

/** RGB components 0..1. */
export type Rgb = readonly [number, number, number];
export const BLACK: Rgb = [0, 0, 0];
/** 公文红: the red of an official letterhead. */
export const OFFICIAL_RED: Rgb = [0.8, 0, 0];

export interface TextStyle {
  size: number;
  color?: Rgb;
}

/** An image added to the document, drawn on a page under its resource name. */
export interface ImageHandle {
  readonly name: string;
  readonly width: number;
  readonly height: number;
}

function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function colour(rgb: Rgb): string {
  return rgb.map(num).join(' ');
}

/** One page's drawing operations; coordinates in points from the bottom-left corner. */
export class PageCanvas {
  private readonly ops: string[] = [];

  /** Text with its baseline starting at (x, y). */
  text(x: number, y: number, text: string, style: TextStyle): void {
    if (text.length === 0) return;
    this.ops.push(
      `BT ${colour(style.color ?? BLACK)} rg /${FONT_RESOURCE_NAME} ${num(style.size)} Tf` +
        ` 1 0 0 1 ${num(x)} ${num(y)} Tm ${encodeUcs2Hex(text)} Tj ET`,
    );
  }

  textCentred(y: number, text: string, style: TextStyle, centreX = A4.width / 2): void {
    this.text(centreX - measure(text, style.size) / 2, y, text, style);
  }

  textRight(right: number, y: number, text: string, style: TextStyle): void {
    this.text(right - measure(text, style.size), y, text, style);
  }

  line(x1: number, y1: number, x2: number, y2: number, options: { width?: number; color?: Rgb } = {}): void {
    this.ops.push(
      `q ${colour(options.color ?? BLACK)} RG ${num(options.width ?? 1)} w ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S Q`,
    );
  }

  rect(x: number, y: number, width: number, height: number, options: { stroke?: Rgb; fill?: Rgb; lineWidth?: number }): void {
    const paint = options.fill && options.stroke ? 'B' : options.fill ? 'f' : 'S';
    const fill = options.fill ? `${colour(options.fill)} rg ` : '';
    const stroke = options.stroke ? `${colour(options.stroke)} RG ${num(options.lineWidth ?? 1)} w ` : '';
    this.ops.push(`q ${fill}${stroke}${num(x)} ${num(y)} ${num(width)} ${num(height)} re ${paint} Q`);
  }

  /** The image scaled into the box whose bottom-left corner is (x, y). */
  image(image: ImageHandle, x: number, y: number, width: number, height: number): void {
    this.ops.push(`q ${num(width)} 0 0 ${num(height)} ${num(x)} ${num(y)} cm /${image.name} Do Q`);
  }

  content(): Buffer {
    return Buffer.from(this.ops.join('\n'), 'latin1');
  }
}
