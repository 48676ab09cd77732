import { initTransport } from './services/api-client';
import { restoreLocalAccount } from './services/local-account';
import { loadNoticeTemplates } from './services/subscribe';

App({
  onLaunch() {
    restoreLocalAccount();
    initTransport();
    void loadNoticeTemplates();
  },
});
