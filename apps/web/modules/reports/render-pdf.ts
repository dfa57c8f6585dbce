import {
  PDFDocument,
  type PDFFont,
  type PDFImage,
  type PDFPage,
  rgb,
  StandardFonts,
} from 'pdf-lib';
import type { CaseReport, CaseReportPair } from './case-report';

const PAGE = { width: 595.28, height: 841.89, margin: 48 }; // A4 in points
const THUMB = 110;

/**
 * Standard PDF fonts only encode WinAnsi (Latin-1 plus dashes, quotes, bullets...): characters
 * outside it are replaced, never thrown on, so any file name or comment can be printed.
 */
function safe(text: string, font: PDFFont): string {
  let out = '';
  for (const char of text) {
    try {
      font.encodeText(char);
      out += char;
    } catch {
      out += '?';
    }
  }
  return out;
}

async function loadImage(doc: PDFDocument, url: string | null): Promise<PDFImage | null> {
  if (!url) return null;
  try {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) return null;
    const bytes = new Uint8Array(await response.arrayBuffer());
    const isPng = bytes[0] === 0x89 && bytes[1] === 0x50;
    const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
    if (isPng) return await doc.embedPng(bytes);
    if (isJpeg) return await doc.embedJpg(bytes);
    // Renditions are WebP, which PDF cannot hold: re-encode through a canvas as JPEG.
    return await doc.embedJpg(await toJpeg(new Blob([bytes])));
  } catch {
    return null;
  }
}

async function toJpeg(blob: Blob): Promise<Uint8Array> {
  const bitmap = await createImageBitmap(blob);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
  bitmap.close();
  const jpeg = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, 'image/jpeg', 0.9),
  );
  if (!jpeg) throw new Error('could not encode the thumbnail');
  return new Uint8Array(await jpeg.arrayBuffer());
}

class Writer {
  page!: PDFPage;
  y = 0;
  constructor(
    readonly doc: PDFDocument,
    readonly font: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.newPage();
  }
  newPage() {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
  }
  ensure(height: number) {
    if (this.y - height < PAGE.margin) this.newPage();
  }
  text(
    value: string,
    options: {
      size?: number;
      bold?: boolean;
      color?: [number, number, number];
      indent?: number;
    } = {},
  ) {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.font;
    const maxWidth = PAGE.width - 2 * PAGE.margin - (options.indent ?? 0);
    for (const line of wrap(safe(value, font), font, size, maxWidth)) {
      this.ensure(size + 4);
      this.page.drawText(line, {
        x: PAGE.margin + (options.indent ?? 0),
        y: this.y - size,
        size,
        font,
        color: rgb(...(options.color ?? [0.1, 0.13, 0.19])),
      });
      this.y -= size + 4;
    }
  }
  gap(points: number) {
    this.y -= points;
  }
  rule() {
    this.ensure(8);
    this.page.drawLine({
      start: { x: PAGE.margin, y: this.y - 4 },
      end: { x: PAGE.width - PAGE.margin, y: this.y - 4 },
      thickness: 0.5,
      color: rgb(0.8, 0.82, 0.85),
    });
    this.y -= 10;
  }
}

function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) > maxWidth && line) {
        lines.push(line);
        line = word;
      } else {
        line = candidate;
      }
    }
    lines.push(line);
  }
  return lines;
}

async function drawPair(writer: Writer, pair: CaseReportPair) {
  const [imageA, imageB] = await Promise.all([
    loadImage(writer.doc, pair.imageA.thumbnailUrl),
    loadImage(writer.doc, pair.imageB.thumbnailUrl),
  ]);
  writer.ensure(THUMB + 60);
  writer.text(`#${pair.rank}  ${pair.imageA.name}  <->  ${pair.imageB.name}`, {
    size: 11,
    bold: true,
  });
  writer.text(
    `Score ${pair.score.toFixed(4)} (threshold ${pair.threshold.toFixed(4)}, model ${pair.modelVersion}; model score ${pair.modelScore.toFixed(4)}, ${pair.inliers === null ? 'not verified' : `${pair.inliers} keypoint matches`}) · status ${pair.status}` +
      (pair.confirmedLabel ? ` · confirmed label ${pair.confirmedLabel}` : ''),
    { size: 9, color: [0.36, 0.4, 0.47] },
  );
  if (imageA || imageB) {
    writer.ensure(THUMB + 8);
    [imageA, imageB].forEach((image, index) => {
      if (!image) return;
      const scale = Math.min(THUMB / image.width, THUMB / image.height);
      writer.page.drawImage(image, {
        x: PAGE.margin + index * (THUMB + 16),
        y: writer.y - THUMB - 4 + (THUMB - image.height * scale),
        width: image.width * scale,
        height: image.height * scale,
      });
    });
    writer.gap(THUMB + 10);
  }
  if (pair.decisions.length === 0) {
    writer.text('No decision recorded.', { size: 10, color: [0.6, 0.4, 0] });
  }
  for (const decision of pair.decisions) {
    writer.text(
      `${decision.verdict.replaceAll('_', ' ')} - ${decision.editor} <${decision.editorEmail}>, ${new Date(decision.decidedAt).toUTCString()}`,
      { size: 10, bold: true, indent: 8 },
    );
    if (decision.comment) writer.text(`"${decision.comment}"`, { size: 10, indent: 16 });
  }
  writer.rule();
}

/** Renders the case report to PDF bytes in the browser (pdf-lib; thumbnails embedded when served). */
export async function renderCaseReportPdf(report: CaseReport): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Case report: ${report.set.name}`);
  doc.setProducer('Twinspect');
  doc.setCreationDate(new Date(report.generatedAt));
  const writer = new Writer(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );
  writer.text('Twinspect case report', { size: 18, bold: true });
  writer.text(report.set.name, { size: 14, bold: true });
  if (report.set.description) writer.text(report.set.description, { size: 10 });
  writer.gap(6);
  writer.text(`Organization: ${report.organization}`);
  writer.text(`Generated ${new Date(report.generatedAt).toUTCString()} by ${report.generatedBy}`);
  writer.text(`Images: ${report.set.images} (${report.set.failedImages} failed to ingest)`);
  writer.text(
    report.model
      ? `Model: ${report.model.name} · calibrated threshold ${report.model.threshold.toFixed(4)}`
      : 'Model: not scored yet',
  );
  const s = report.summary;
  writer.text(
    `Flagged pairs: ${s.flaggedPairs} · confirmed duplicates ${s.confirmedDuplicates} · not duplicates ${s.notDuplicates} · needs discussion ${s.needsDiscussion} · undecided ${s.undecided}`,
    { bold: true },
  );
  writer.rule();
  if (report.pairs.length === 0) writer.text('No pair scored above the threshold.');
  for (const pair of report.pairs) await drawPair(writer, pair);
  return doc.save();
}
