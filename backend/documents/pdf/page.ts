import { measure } from './text';

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

/** An image added to the document, drawn on a page by its index. */
export interface ImageHandle {
  readonly index: number;
  readonly width: number;
  readonly height: number;
}

/** What a page draws, in points from its bottom-left corner; document.ts paints it. */
export type DrawOp =
  | { kind: 'text'; x: number; y: number; text: string; size: number; color: Rgb }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; color: Rgb }
  | { kind: 'rect'; x: number; y: number; width: number; height: number; stroke?: Rgb; fill?: Rgb; lineWidth: number }
  | { kind: 'image'; image: ImageHandle; x: number; y: number; width: number; height: number };

/**
 * One page's drawing, recorded: the layout decides everything (and may still add pages and
 * number them) before the document is written.
 */
export class PageCanvas {
  private readonly recorded: DrawOp[] = [];

  get ops(): readonly DrawOp[] {
    return this.recorded;
  }

  /** Text with its baseline starting at (x, y). */
  text(x: number, y: number, text: string, style: TextStyle): void {
    if (text.length === 0) return;
    this.recorded.push({ kind: 'text', x, y, text, size: style.size, color: style.color ?? BLACK });
  }

  textCentred(y: number, text: string, style: TextStyle, centreX = A4.width / 2): void {
    this.text(centreX - measure(text, style.size) / 2, y, text, style);
  }

  textRight(right: number, y: number, text: string, style: TextStyle): void {
    this.text(right - measure(text, style.size), y, text, style);
  }

  line(x1: number, y1: number, x2: number, y2: number, options: { width?: number; color?: Rgb } = {}): void {
    this.recorded.push({ kind: 'line', x1, y1, x2, y2, width: options.width ?? 1, color: options.color ?? BLACK });
  }

  rect(x: number, y: number, width: number, height: number, options: { stroke?: Rgb; fill?: Rgb; lineWidth?: number }): void {
    this.recorded.push({ kind: 'rect', x, y, width, height, stroke: options.stroke, fill: options.fill, lineWidth: options.lineWidth ?? 1 });
  }

  /** The image scaled into the box whose bottom-left corner is (x, y). */
  image(image: ImageHandle, x: number, y: number, width: number, height: number): void {
    this.recorded.push({ kind: 'image', image, x, y, width, height });
  }
}
