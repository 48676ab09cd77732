/**
 * The draft's attachments: photos through the shared photo picker, PDFs from a chat, both
 * uploaded at once to consultation.uploadPaths and sharing the nine places. Spread into the page's methods.
 */
import type { PhotoSummary } from '../../../components/case-photo-picker/photos';
import { photoProblem } from '../../../components/case-photo-picker/photos';
import { choosePdfs, pdfProblem, pendingPdf, uploadPdf } from '../../../services/pdf-files';
import type { PdfFile } from '../../../services/pdf-files';
import { PUBLISH_LIMITS } from './view-model';

/** Not rendered: the photos as the picker last reported them. */
const photosOf = new WeakMap<object, PhotoSummary>();
const NO_PHOTOS: PhotoSummary = { photos: [], uploading: 0, failed: 0 };

interface AttachmentsPage {
  data: { pdfs: PdfFile[] };
  setData(data: Record<string, unknown>): void;
}

/** The files ready to send and why they are not yet, read when sending. */
export function attachmentsOf(page: object, pdfs: readonly PdfFile[]): { fileIds: string[]; problem: string; count: number } {
  const photos = photosOf.get(page) ?? NO_PHOTOS;
  return {
    fileIds: [...photos.photos.map((p) => p.fileId), ...pdfs.flatMap((f) => (f.fileId ? [f.fileId] : []))],
    problem: photoProblem(photos) || pdfProblem(pdfs),
    count: photos.photos.length + photos.uploading + photos.failed + pdfs.length,
  };
}

export const attachmentMethods = {
  onPhotos(this: AttachmentsPage, event: { detail: PhotoSummary }) {
    photosOf.set(this, event.detail);
    this.setData({ photoMax: Math.max(0, PUBLISH_LIMITS.attachments - this.data.pdfs.length), 'errors.attachments': '' });
  },
  async onAddPdf(this: AttachmentsPage) {
    const room = PUBLISH_LIMITS.attachments - attachmentsOf(this, this.data.pdfs).count;
    if (room <= 0) return void wx.showToast({ title: `附件最多 ${PUBLISH_LIMITS.attachments} 个`, icon: 'none' });
    const picked = await choosePdfs(room);
    if (!picked.length) return;
    const added = picked.map((p) => pendingPdf(p.name));
    const pdfs = [...this.data.pdfs, ...added];
    this.setData({ pdfs, photoMax: Math.max(0, PUBLISH_LIMITS.attachments - pdfs.length), 'errors.attachments': '' });
    await Promise.all(
      added.map(async (file, i) => {
        const done = await uploadPdf(file, picked[i].path, 'consultation');
        const index = this.data.pdfs.findIndex((f) => f.key === file.key);
        if (index >= 0) this.setData({ [`pdfs[${index}]`]: done });
      }),
    );
  },
  onRemovePdf(this: AttachmentsPage, event: { currentTarget: { dataset: { key: string } } }) {
    const pdfs = this.data.pdfs.filter((f) => f.key !== event.currentTarget.dataset.key);
    this.setData({ pdfs, photoMax: Math.max(0, PUBLISH_LIMITS.attachments - pdfs.length) });
  },
};
