/**
 * The draft as plain text → chapters and articles. Lines starting 第X章 open a chapter, lines
 * starting 第X条 an article (X in Chinese numerals or digits, then a space or the line's end, so a
 * line that merely cites "第三条规定的…" is text); 第X节 headings are dropped; text before the first
 * article is the preamble and ignored. Articles must run 1…N without a gap or a repeat — a draft
 * pasted with a missing article would otherwise be commented on article by wrong article. Pure.
 */
import type { ConsultationArticle } from '../../../typings/consultation';
import { fail, ok, type Result } from '../result';
import { NUMERAL_CHARS, numeralValue } from './consultation.numerals';
import { CONSULTATION_RULES } from './consultation.rules';

/** An article as stored: no counts (they live on the consultation as running counters). */
export type DraftArticle = Omit<ConsultationArticle, 'comments'>;

const MARKER = new RegExp(`^第([${NUMERAL_CHARS}]+)(章|节|条)(?:[\\s]+|$)`);

interface Open {
  no: number;
  label: string;
  chapter?: string;
  lines: string[];
}

export function parseDraft(text: string): Result<DraftArticle[]> {
  const R = CONSULTATION_RULES;
  if ([...text].length > R.textMax) return fail('INVALID_INPUT', `草案全文不能超过 ${R.textMax} 个字`, 'text');
  const articles: Open[] = [];
  let chapter: string | undefined;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    const marker = MARKER.exec(line);
    const value = marker ? numeralValue(marker[1]!) : undefined;
    if (marker && value !== undefined) {
      const label = `第${marker[1]}${marker[2]}`;
      if (marker[2] === '章') chapter = line.replace(/\s+/g, ' ');
      if (marker[2] !== '条') continue;
      const expected = articles.length + 1;
      if (value !== expected) return fail('INVALID_INPUT', sequenceProblem(label, value, expected, articles), 'text');
      if (articles.length >= R.articlesMax) return fail('INVALID_INPUT', `草案最多 ${R.articlesMax} 条`, 'text');
      const rest = line.slice(marker[0].length).trim();
      articles.push({ no: value, label, ...(chapter ? { chapter } : {}), lines: rest ? [rest] : [] });
      continue;
    }
    if (line && articles.length > 0) articles.at(-1)!.lines.push(line);
  }
  if (articles.length < R.articlesMin) return fail('INVALID_INPUT', '没有找到条文：每一条须另起一行，以“第一条”“第二条”……开头', 'text');
  return ok(articles.map(({ lines, ...article }) => ({ ...article, text: lines.join('\n') })));
}

function sequenceProblem(label: string, value: number, expected: number, before: readonly Open[]): string {
  if (value < expected) {
    const first = before.find((article) => article.no === value);
    return `${label}重复了（${first ? `前面已有${first.label}` : '编号须从第一条起依次排列'}），请检查条文编号`;
  }
  const previous = before.at(-1);
  return previous ? `${previous.label}之后是${label}，中间缺少第 ${expected} 条，请检查条文编号` : `草案应从第一条开始，却先出现了${label}，请检查条文编号`;
}
