/**
 * WeChat's content check on what a deputy, the office or a unit writes into a suggestion. WeChat
 * reads at most 2,500 characters at a time and a suggestion's texts run to 6,000, so each text is
 * checked in pieces (side by side): one risky piece refuses the whole; a piece WeChat could not
 * read leaves the text accepted and flagged for a person, as a case is.
 */
import type { WxGateway } from '../../platform/wx-gateway';
import { checkContent, type ContentVerdict } from '../cases/content-check';

const PIECE = 2500;

function pieces(text: string): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += PIECE) out.push(chars.slice(i, i + PIECE).join(''));
  return out;
}

/** The verdict on all of `texts` (blank ones skipped), the title checked with the first. */
export async function checkSuggestionTexts(wx: WxGateway, openid: string, title: string | undefined, texts: readonly (string | undefined)[]): Promise<ContentVerdict> {
  const all = texts.flatMap((text) => (text ? pieces(text) : []));
  const verdicts = await Promise.all(
    all.length ? all.map((piece, i) => checkContent(wx, openid, i === 0 ? title : undefined, piece)) : [checkContent(wx, openid, title, undefined)],
  );
  if (verdicts.includes('risky')) return 'risky';
  return verdicts.includes('unchecked') ? 'unchecked' : 'pass';
}
