/**
 * The privacy prompt: put it once on a page that calls a private API (getLocation …).
 * It shows itself when WeChat asks for consent (services/privacy.ts) and answers for the person.
 */
import { agreePrivacy, disagreePrivacy, showPrivacyPromptsOn } from '../../services/privacy';
import type { PrivacyPrompt } from '../../services/privacy';

/** The agree button's id: WeChat checks that the button with this id was the one tapped. */
const AGREE_BUTTON_ID = 'agree-privacy';

/** Per instance, off `data` (nothing here is rendered): its prompt and how to withdraw it. */
const registrations = new WeakMap<object, { prompt: PrivacyPrompt; withdraw: () => void }>();

Component({
  properties: {
    /** Why this page needs it, one sentence: '为了查找离您最近的联络站，需要获取您的位置'. */
    purpose: { type: String, value: '为了提供服务，需要使用您的部分信息' },
    /** What still works without consent, if anything. */
    fallback: { type: String, value: '' },
  },
  data: { show: false, buttonId: AGREE_BUTTON_ID },
  lifetimes: {
    attached() {
      const prompt: PrivacyPrompt = {
        show: () => this.setData({ show: true }),
        hide: () => this.setData({ show: false }),
      };
      registrations.set(this, { prompt, withdraw: showPrivacyPromptsOn(prompt) });
    },
    detached() {
      registrations.get(this)?.withdraw();
      registrations.delete(this);
    },
  },
  pageLifetimes: {
    // A tab page stays attached while another is in front: bring this prompt forward again.
    show() {
      const registration = registrations.get(this);
      if (registration) registration.withdraw = showPrivacyPromptsOn(registration.prompt);
    },
  },
  methods: {
    onAgree() {
      agreePrivacy(AGREE_BUTTON_ID);
    },
    onDisagree() {
      disagreePrivacy();
    },
    onOpenContract() {
      wx.openPrivacyContract?.({});
    },
  },
});
