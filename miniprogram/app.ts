import { initTransport } from './services/api-client';

App({
  onLaunch() {
    initTransport();
  },
});
