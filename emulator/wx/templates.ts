import fs from 'node:fs';

/**
 * Optional registry of subscription templates: template id → its field keys, in order.
 * With it, an unknown template id is refused (40037) and data must carry exactly the
 * template's keys (47003), as WeChat does. Without it, any id passes and only the
 * field-type rules apply.
 */
export type TemplateKeys = ReadonlyMap<string, readonly string[]>;

/** `{ "<id>": ["thing1", "time2"] }` or `{ "<id>": { "title": "…", "keys": [...] } }`, inline or a JSON file. */
export type TemplateSource = string | Record<string, readonly string[] | { title?: string; keys: readonly string[] }>;

export function loadTemplates(source: TemplateSource | undefined): TemplateKeys | undefined {
  if (source === undefined) return undefined;
  const raw = typeof source === 'string' ? (JSON.parse(fs.readFileSync(source, 'utf8')) as unknown) : source;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('wx templates: expected an object of template id → keys');
  const templates = new Map<string, readonly string[]>();
  for (const [id, entry] of Object.entries(raw as Record<string, unknown>)) {
    const keys = Array.isArray(entry) ? entry : (entry as { keys?: unknown })?.keys;
    if (!Array.isArray(keys) || !keys.every((key) => typeof key === 'string')) {
      throw new Error(`wx templates: "${id}" needs an array of field keys`);
    }
    templates.set(id, keys);
  }
  return templates;
}
