/**
 * WeChat's content security check on what a resident writes (security.msgSecCheck). Risky
 * text is refused; when the check cannot answer (WeChat busy, a timeout, a misconfiguration)
 * the message is still accepted — a resident's message is never lost — and flagged so a
 * liaison officer reads it before anything of it is used in public.
 */
import type { WxGateway } from '../../platform/wx-gateway';

export type ContentVerdict = 'pass' | 'risky' | 'unchecked';

export async function checkContent(wx: WxGateway, openid: string, title: string, content: string): Promise<ContentVerdict> {
  // Scene 3 (forum): a titled post, the nearest of WeChat's scenes to a message to a deputy.
  const verdict = await wx.msgSecCheck({ content, title, openid, scene: 3 });
  if (!verdict.ok) {
    console.warn(`[cases] msgSecCheck unavailable (${verdict.errcode} ${verdict.errmsg}); accepting the case for a person to check`);
    return 'unchecked';
  }
  if (verdict.value.suggest === 'risky') return 'risky';
  // 'review' means WeChat is unsure: a person decides.
  return verdict.value.suggest === 'pass' ? 'pass' : 'unchecked';
}
