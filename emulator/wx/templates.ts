import fs from 'node:fs';
import path from 'node:path';
import { fieldTypeOf } from './subscribe-field-rules';

/**
 * Optional registry of subscription templates: template id → its keyword keys, in order.
 * With it, an unknown template id is refused (40037) and data must carry exactly the
 * template's keys (47003), as WeChat does. Without it, any id passes and only the
 * field-type rules apply.
 */
export type TemplateKeys = ReadonlyMap<string, readonly string[]>;

export interface TemplateKeyword {
  key: string;
  /** The keyword's name on the card, e.g. 受理编号. */
  name: string;
}

/**
 * `{ "<id>": ["thing1", "time2"] }` or, as `templates.json` writes it,
 * `{ "<id>": { "title": "…", "keywords": [{ "key": "thing1", "name": "…" }] } }`;
 * inline or a JSON file. Entries whose name starts with `$` are comments.
 */
export type TemplateSource = string | Record<string, readonly string[] | { title?: string; keywords: readonly TemplateKeyword[] }>;

/** The templates the local WeChat stands for (`npm start`, the back-end test harness). */
export const OPERATOR_TEMPLATES = path.join(__dirname, 'templates.json');

export function loadTemplates(source: TemplateSource | undefined): TemplateKeys | undefined {
  if (source === undefined) return undefined;
  const raw = typeof source === 'string' ? (JSON.parse(fs.readFileSync(source, 'utf8')) as unknown) : source;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('wx templates: expected an object of template id → keywords');
  const templates = new Map<string, readonly string[]>();
  for (const [id, entry] of Object.entries(raw as Record<string, unknown>)) {
    if (id.startsWith('$')) continue;
    templates.set(id, keysOf(id, entry));
  }
  return templates;
}

function keysOf(id: string, entry: unknown): string[] {
  const keywords = Array.isArray(entry) ? entry : (entry as { keywords?: unknown } | null)?.keywords;
  if (!Array.isArray(keywords)) throw new Error(`wx templates: "${id}" needs a list of keywords`);
  const keys = keywords.map((keyword: unknown) => (typeof keyword === 'string' ? keyword : (keyword as { key?: unknown } | null)?.key));
  for (const key of keys) {
    // A key WeChat has no type for could never be filled; catch the typo when loading.
    if (typeof key !== 'string' || !fieldTypeOf(key)) throw new Error(`wx templates: "${id}" has keyword ${JSON.stringify(key)}, which is no WeChat field type`);
  }
  if (new Set(keys).size !== keys.length) throw new Error(`wx templates: "${id}" repeats a keyword`);
  return keys as string[];
}
