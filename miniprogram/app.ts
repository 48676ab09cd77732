import { initTransport } from './services/api-client';
import { loadNoticeTemplates } from './services/subscribe';

App({
  onLaunch() {
    initTransport();
    void loadNoticeTemplates();
  },
});
