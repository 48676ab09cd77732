import fs from 'node:fs';
import path from 'node:path';

/** A risky phrase and the WeChat label a match answers with. */
export interface RiskyPhrase {
  label: number;
  phrase: string;
}

export const DEFAULT_WORD_LIST = path.join(__dirname, 'sensitive-words.txt');

export function loadRiskyPhrases(file: string = DEFAULT_WORD_LIST): RiskyPhrase[] {
  const phrases: RiskyPhrase[] = [];
  for (const [index, raw] of fs.readFileSync(file, 'utf8').split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(\d+)\s+(.+)$/.exec(line);
    if (!match) throw new Error(`${file}:${index + 1}: expected "<label> <phrase>"`);
    phrases.push({ label: Number(match[1]), phrase: compact(match[2]) });
  }
  return phrases;
}

/** Spaces and letter case do not hide a phrase. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}
