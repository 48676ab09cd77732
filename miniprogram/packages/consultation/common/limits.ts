/**
 * What a comment may hold, from the back end's rules as generated at build time: checked here
 * only to say what is wrong before a call; the server checks again and has the last word.
 */
import { CONSULTATION_LIMITS, CONTACT_NAME_MAX, PHONE_MAX_CHARS } from '../../../generated/rules';

export const COMMENT_LIMITS = {
  textMax: CONSULTATION_LIMITS.commentMax,
  printedNameMax: CONSULTATION_LIMITS.bylineMax,
  occupationMax: CONSULTATION_LIMITS.bylineMax,
  contactNameMax: CONTACT_NAME_MAX,
  phoneMax: PHONE_MAX_CHARS,
} as const;

/** Articles come in pages (consultation.get's articlePage). */
export const ARTICLE_PAGE_SIZE = CONSULTATION_LIMITS.pageSize;
