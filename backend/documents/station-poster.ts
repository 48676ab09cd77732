import { PdfDocument } from './pdf/document';
import { TextFlow, type ParagraphStyle } from './pdf/flow';
import { A4, mm, OFFICIAL_RED, type Rgb } from './pdf/page';
import { measure } from './pdf/text';

/** The poster on a station's door: its QR code, where it is and when it is open. */
export interface StationPoster {
  name: string;
  address: string;
  hours: string[];
  phone: string;
  code: string;
  qrPng: Buffer;
  officers?: string[];
}

export interface RenderOptions {
  now?: Date;
}

const POSTER_TITLE = '人大代表联络站';
export const SCAN_PROMPT = '微信扫一扫 找代表 · 提建议 · 约接待';
/** Large enough to scan from a step or two away. */
export const QR_SIZE = mm(100);
const MARGIN = mm(25);
const INFO_LEFT = mm(35);
const INFO: ParagraphStyle = { size: 16, lineHeight: 28 };
const GREY: Rgb = [0.4, 0.4, 0.4];
// Continuation lines of the opening hours line up under the first one (5 ideographic spaces = '开放时间：').
const HOURS_LABEL = '开放时间：';
const HOURS_CONTINUATION = '\u3000'.repeat(HOURS_LABEL.length);

/** The information lines under the QR code. */
export function posterInfoLines(poster: StationPoster): string[] {
  const hours = poster.hours.map((line) => line.trim()).filter(Boolean);
  const officers = (poster.officers ?? []).map((name) => name.trim()).filter(Boolean);
  return [
    `地址：${poster.address}`,
    ...hours.map((line, index) => `${index === 0 ? HOURS_LABEL : HOURS_CONTINUATION}${line}`),
    `电话：${poster.phone}`,
    ...(officers.length > 0 ? [`联络员：${officers.join('、')}`] : []),
  ];
}

/**
 * The A4 poster: title, station name, the QR code 10 cm wide in the middle, the scan prompt,
 * address, hours, phone and officers, and the station code in small print. Everything fits
 * one page for any real station; an absurdly long text would flow onto a second page rather
 * than off the paper.
 */
export async function renderStationPoster(poster: StationPoster, options: RenderOptions = {}): Promise<Buffer> {
  const doc = await PdfDocument.create({ title: `${POSTER_TITLE} ${poster.name}`, now: options.now });
  const page = doc.addPage();
  page.rect(mm(10), mm(10), A4.width - mm(20), A4.height - mm(20), { stroke: OFFICIAL_RED, lineWidth: 3 });
  page.rect(mm(12), mm(12), A4.width - mm(24), A4.height - mm(24), { stroke: OFFICIAL_RED, lineWidth: 0.8 });

  const titleSize = 44;
  const titleBaseline = A4.height - mm(30) - titleSize * 0.88;
  page.textCentred(titleBaseline, POSTER_TITLE, { size: titleSize, color: OFFICIAL_RED });

  const frame = { left: MARGIN, width: A4.width - 2 * MARGIN, top: titleBaseline - 16, bottom: mm(24) };
  const flow = new TextFlow(doc, frame, page);
  // A long name steps down in size rather than taking three lines.
  const nameSize = Math.max(18, Math.min(26, (frame.width * 2) / Math.max(1, measure(poster.name, 1))));
  flow.paragraph(poster.name, { size: nameSize, lineHeight: nameSize * 1.35, align: 'centre' });

  const qr = doc.addImage(poster.qrPng);
  // Fit the code into the QR_SIZE square, keeping its proportions.
  const scale = QR_SIZE / Math.max(qr.width, qr.height);
  const qrWidth = qr.width * scale;
  const qrHeight = qr.height * scale;
  const qrTop = flow.cursor - 24;
  page.image(qr, (A4.width - qrWidth) / 2, qrTop - qrHeight, qrWidth, qrHeight);
  flow.gap(24 + qrHeight + 16);

  flow.paragraph(SCAN_PROMPT, { size: 20, lineHeight: 34, align: 'centre', color: OFFICIAL_RED });
  flow.gap(20);

  const info = new TextFlow(doc, { ...frame, left: INFO_LEFT, width: A4.width - 2 * INFO_LEFT }, flow.page, flow.cursor);
  for (const line of posterInfoLines(poster)) info.paragraph(line, INFO);

  page.textCentred(mm(16), `站点编码：${poster.code}`, { size: 9, color: GREY });
  return doc.toBuffer();
}
