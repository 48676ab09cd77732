/**
 * The privacy prompt (隐私保护指引) WeChat requires before a private API such as getLocation
 * (`__usePrivacyCheck__` in app.json). WeChat holds the API call pending and hands us a
 * `resolve`; a prompt component (components/station-privacy-popup) shows why we ask, with a
 * `<button open-type="agreePrivacyAuthorization">`, and answers through here.
 */

export type PrivacyAnswer = { event: 'agree'; buttonId: string } | { event: 'disagree' } | { event: 'exposureAuthorization' };
type Resolve = (answer: PrivacyAnswer) => void;
type NeedPrivacyListener = (resolve: Resolve, info?: { referrer?: string }) => void;

/** What a prompt component gives the service: a way to show and hide itself. */
export interface PrivacyPrompt {
  show(referrer: string): void;
  hide(): void;
}

/** The prompt on the page in front is the last one; an earlier page's waits underneath. */
const prompts: PrivacyPrompt[] = [];
/** Calls WeChat holds until the person answers; several private APIs may wait at once. */
let pending: Resolve[] = [];

const onNeed: NeedPrivacyListener = (resolve, info) => {
  pending.push(resolve);
  const prompt = prompts[prompts.length - 1];
  // Nobody on screen can ask: the API fails as refused rather than hang for ever.
  if (!prompt) return settle({ event: 'disagree' });
  prompt.show(info?.referrer ?? '');
  resolve({ event: 'exposureAuthorization' });
};

function listen(): void {
  // The typings give the listener the wrong shape, and base libraries before 2.32.3 lack it.
  const register = (wx as unknown as { onNeedPrivacyAuthorization?: (listener: NeedPrivacyListener) => void }).onNeedPrivacyAuthorization;
  register?.(onNeed);
}

/**
 * Puts `prompt` in front; called when its page attaches and each time it shows again (a tab
 * page stays attached). WeChat keeps only the last listener, so it is registered anew each time.
 * Returns the way to withdraw the prompt.
 */
export function showPrivacyPromptsOn(prompt: PrivacyPrompt): () => void {
  const at = prompts.indexOf(prompt);
  if (at >= 0) prompts.splice(at, 1);
  prompts.push(prompt);
  listen();
  return () => {
    const index = prompts.indexOf(prompt);
    if (index >= 0) prompts.splice(index, 1);
  };
}

/** After the agree button's `agreeprivacyauthorization` event: WeChat checks that this button was tapped. */
export function agreePrivacy(buttonId: string): void {
  settle({ event: 'agree', buttonId });
}

export function disagreePrivacy(): void {
  settle({ event: 'disagree' });
}

function settle(answer: PrivacyAnswer): void {
  const waiting = pending;
  pending = [];
  waiting.forEach((resolve) => resolve(answer));
  prompts.forEach((p) => p.hide());
}
