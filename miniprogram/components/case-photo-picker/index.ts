/**
 * Photos for a message: pick up to `max-count`, uploaded at once (the paths of one pick asked
 * for in one call, uploadPhotos), each with its state on the thumbnail — 上传中, or 上传失败
 * (tap to retry) — and a delete cross.
 * Emits `change` with `PhotoSummary` after every change; the page submits `photos`.
 */
import type { Outcome } from '../../services/outcome';
import { uploadPhoto, uploadPhotos } from '../../services/storage';
import type { UploadedPhoto } from '../../services/storage';
import { summarise, toPickerFiles } from './photos';
import type { PickerFile, StoredPhoto } from './photos';

type Picked = { url: string } | { url: string }[];
/** Vant's events as this component reads them. */
type UploaderEvent<T> = { detail: T };

let nextKey = 1;
/** The `value` each picker last applied: a parent may hand the same list again on any render. */
const applied = new WeakMap<object, string>();

Component({
  properties: {
    /** Photos uploaded before (a restored draft). Applied when it changes, not on every render. */
    value: { type: Array, value: [] },
    maxCount: { type: Number, value: 6 },
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
      const outcomes = uploadPhotos(added.map((file) => file.url));
      added.forEach((file, i) => void this.settle(file.key, outcomes[i]));
    },
    onDelete(event: UploaderEvent<{ index: number }>) {
      this.setData({ files: this.data.files.filter((_f, i) => i !== event.detail.index) });
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
      void this.settle(key, uploadPhoto(file.url));
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
