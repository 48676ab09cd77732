import { statusTag } from './tag';

/** A case's status as a coloured tag: `<case-status-tag status="replied" />` → 已答复, green. */
Component({
  properties: { status: { type: String, value: '' } },
  data: { label: '', tone: '' },
  observers: {
    status(status: string) {
      this.setData(statusTag(status));
    },
  },
});
