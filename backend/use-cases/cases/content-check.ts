/**
 * WeChat's content security check on what a resident writes (security.msgSecCheck). Risky
 * text is refused; when the check cannot answer (WeChat busy, a timeout, a misconfiguration)
 * the message is still accepted — a resident's message is never lost — and flagged so a
 * liaison officer reads it before anything of it is used in public. Only what the resident
 * typed is checked (a title made from the content adds nothing); a voice message with no
 * text has nothing for it to read, and WeChat is not asked.
 */
import type { WxGateway } from '../../platform/wx-gateway';

export type ContentVerdict = 'pass' | 'risky' | 'unchecked';

export async function checkContent(wx: WxGateway, openid: string, title: string | undefined, content: string | undefined): Promise<ContentVerdict> {
  // WeChat needs some content: a typed title alone is checked as the content.
  const text = content || title;
  if (!text) return 'pass';
  // Scene 3 (forum): a titled post, the nearest of WeChat's scenes to a message to a deputy.
  const verdict = await wx.msgSecCheck({ content: text, ...(content && title ? { title } : {}), openid, scene: 3 });
  if (!verdict.ok) {
    console.warn(`[cases] msgSecCheck unavailable (${verdict.failure.errcode} ${verdict.failure.errmsg}); accepting the case for a person to check`);
    return 'unchecked';
  }
  if (verdict.value.suggest === 'risky') return 'risky';
  // 'review' means WeChat is unsure: a person decides.
  return verdict.value.suggest === 'pass' ? 'pass' : 'unchecked';
}
