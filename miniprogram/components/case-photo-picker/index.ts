/**
 * Photos for a message: pick up to `max-count`, uploaded at once (the paths of one pick asked
 * for in one call, uploadPhotos), each with its state on the thumbnail — 上传中, or 上传失败
 * (tap to retry) — and a labelled 删除 button under it (Vant's own cross cannot be labelled).
 * Emits `change` with `PhotoSummary` after every change; the page submits `photos`.
 */
import type { Outcome } from '../../services/outcome';
import { uploadPhoto, uploadPhotos } from '../../services/storage';
import type { UploadedPhoto, UploadVia } from '../../services/storage';
import { summarise, toPickerFiles } from './photos';
import type { PickerFile, StoredPhoto } from './photos';

type Picked = { url: string } | { url: string }[];
/** Vant's events as this component reads them. */
type UploaderEvent<T> = { detail: T };
/** A tap on a 删除 button: which photo, from its data-index. */
type DeleteEvent = { currentTarget: { dataset: { index: number } } };

let nextKey = 1;
/** The `value` each picker last applied: a parent may hand the same list again on any render. */
const applied = new WeakMap<object, string>();

Component({
  properties: {
    /** Photos uploaded before (a restored draft). Applied when it changes, not on every render. */
    value: { type: Array, value: [] },
    maxCount: { type: Number, value: 6 },
    /** Whose paths the photos go to: 'case' (a message), 'suggestion' (a 代表建议) or 'consultation' (a draft law's attachments). */
    uploadVia: { type: String, value: 'case' },
  },
  data: { files: [] as PickerFile[] },
  observers: {
    value(value: StoredPhoto[]) {
      const json = JSON.stringify(value ?? []);
      if (applied.get(this) === json) return;
      applied.set(this, json);
      this.setData({ files: toPickerFiles(value, () => nextKey++) });
    },
  },
  methods: {
    onAfterRead(event: UploaderEvent<{ file: Picked }>) {
      const picked = ([] as { url: string }[]).concat(event.detail.file);
      const added: PickerFile[] = picked.map((f) => ({ key: nextKey++, url: f.url, status: 'uploading', message: '上传中' }));
      this.setData({ files: [...this.data.files, ...added] });
      this.changed();
      const outcomes = uploadPhotos(
        added.map((file) => file.url),
        this.data.uploadVia as UploadVia,
      );
      added.forEach((file, i) => void this.settle(file.key, outcomes[i]));
    },
    onDelete(event: DeleteEvent) {
      const index = Number(event.currentTarget.dataset.index);
      this.setData({ files: this.data.files.filter((_f, i) => i !== index) });
      this.changed();
    },
    /** Vant emits click-preview for any thumbnail; only a failed one has something to do. */
    onClickPreview(event: UploaderEvent<{ index: number }>) {
      const file = this.data.files[event.detail.index];
      if (file?.status === 'failed') this.retry(file.key);
    },
    retry(key: number) {
      const file = this.data.files.find((f) => f.key === key);
      if (!file) return;
      this.update(key, { status: 'uploading', message: '上传中' });
      void this.settle(key, uploadPhoto(file.url, this.data.uploadVia as UploadVia));
    },
    async settle(key: number, upload: Promise<Outcome<UploadedPhoto>>) {
      const outcome = await upload;
      // Deleted while uploading: nothing to update, the file id is simply not used.
      this.update(key, outcome.ok ? { status: 'done', message: '', fileId: outcome.data.fileId } : { status: 'failed', message: '上传失败\n点击重试' });
    },
    update(key: number, patch: Partial<PickerFile>) {
      const index = this.data.files.findIndex((f) => f.key === key);
      if (index < 0) return;
      this.setData({ [`files[${index}]`]: { ...this.data.files[index], ...patch } });
      this.changed();
    },
    changed() {
      this.triggerEvent('change', summarise(this.data.files));
    },
  },
});
