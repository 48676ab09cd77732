import { callApi } from '../../services/api-client';
import { definePage } from '../../utils/define-page';
import { toMeView } from './view-model';
import type { MeView } from './view-model';

/** 我的: who the app thinks I am (群众, 人大代表, 联络员 …). */
definePage({
  data: { loading: true, me: null as MeView | null },
  methods: {
    onLoad() {
      return this.load();
    },
    onRetry() {
      return this.load();
    },
    async load() {
      await this.run(() => callApi('user', 'whoami', {}), (who) => ({ me: toMeView(who) }));
    },
  },
});
