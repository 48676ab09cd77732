/**
 * A case's title when the resident gave none: the first sentence of what they wrote, cut to the
 * title limit; '语音留言' when they only spoke. Elderly residents write one text (or record one
 * message) and should not have to summarise it as well. Pure.
 */
import { cleanText, visibleLength } from '../text';

/** A title the resident types: 4–40 characters (case.input.ts). A made title keeps the maximum only. */
export const TITLE_LIMITS = { min: 4, max: 40 } as const;

/** The title of a case that has no text at all, only a voice message. */
export const VOICE_TITLE = '语音留言';

/** Where a sentence ends: Chinese and ASCII full stops, exclamation and question marks, semicolons, line breaks. */
const SENTENCE_END = /[。！？!?；;\r\n\u2028\u2029]/;

/** What rides on the character before it (accents, variation selectors, skin tones): never left without it. */
const RIDER = /^[\p{M}\p{Emoji_Modifier}]$/u;

/**
 * The first sentence that shows anything, trimmed, cut to `TITLE_LIMITS.max` code points at a
 * character boundary (never half a surrogate pair, nor an emoji without its modifier); undefined
 * when the text has none.
 */
export function titleFromContent(content: string): string | undefined {
  const sentence = content
    .split(SENTENCE_END)
    .map((piece) => cleanText(piece))
    .find((piece) => visibleLength(piece) > 0);
  return sentence === undefined ? undefined : cutTo(sentence, TITLE_LIMITS.max);
}

/** The title a case is stored with: the one given, else one made from the content, else '语音留言'. */
export function caseTitle(given: string | undefined, content: string | undefined): string {
  if (given !== undefined && visibleLength(given) > 0) return given;
  return titleFromContent(content ?? '') ?? VOICE_TITLE;
}

/**
 * At most `max` code points (the limit free text is held to), counted by code point so no
 * surrogate pair is split; a character whose marks would be cut off goes whole. Trimmed again.
 */
function cutTo(text: string, max: number): string {
  const points = [...text];
  if (points.length <= max) return text;
  let end = max;
  while (end > 0 && RIDER.test(points[end])) end -= 1;
  return cleanText(points.slice(0, end).join(''));
}
