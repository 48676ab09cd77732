/**
 * The subscription templates of config/subscribe-templates.json (bundled into each function),
 * typed: logical kind → template id and logical field → the template's key. Senders name
 * logical fields; `templateData` maps them to keys and shapes the values with `fitData`, so
 * swapping a template before deploy is an edit of the JSON only.
 */
import config from '../../config/subscribe-templates.json';
import type { SubscriptionTemplates } from '../../typings/case';
import { fieldTypeOf, fitData, type FittableValue, type SubscribeData } from '../platform/subscribe-fields';

export type NoticeKind = keyof SubscriptionTemplates;

/** The logical fields each kind of notice carries. */
export interface NoticeFields {
  caseStatusChanged: 'receiptNo' | 'title' | 'status' | 'updatedAt' | 'note';
  caseReplied: 'title' | 'replier' | 'summary' | 'repliedAt';
  receptionReminder: 'station' | 'time' | 'deputy' | 'tip';
  handlerTask: 'task' | 'title' | 'receiptNo' | 'dueAt' | 'note';
}

export type NoticeValues<K extends NoticeKind> = Record<NoticeFields[K], FittableValue>;

interface TemplateDefinition<K extends NoticeKind> {
  id: string;
  title: string;
  fields: Record<NoticeFields[K], { key: string; label: string }>;
}

type Templates = { [K in NoticeKind]: TemplateDefinition<K> };

export const NOTICE_KINDS = ['caseStatusChanged', 'caseReplied', 'receptionReminder', 'handlerTask'] as const satisfies readonly NoticeKind[];

/** The mini-program page a case notice opens. */
export const CASE_PAGE: string = config.page;

const TEMPLATES = checked(config.templates);

export function templateIds(): SubscriptionTemplates {
  return {
    caseStatusChanged: TEMPLATES.caseStatusChanged.id,
    caseReplied: TEMPLATES.caseReplied.id,
    receptionReminder: TEMPLATES.receptionReminder.id,
    handlerTask: TEMPLATES.handlerTask.id,
  };
}

export function templateIdOf(kind: NoticeKind): string {
  return TEMPLATES[kind].id;
}

/** WeChat's `data` for a notice: logical fields to template keys, each value shaped to its rule. */
export function templateData<K extends NoticeKind>(kind: K, values: NoticeValues<K>): SubscribeData {
  const fields = TEMPLATES[kind].fields as Record<string, { key: string }>;
  return fitData(Object.fromEntries(Object.entries(values).map(([field, value]) => [fields[field].key, value as FittableValue])));
}

/** Fails at load (so at the first call, and in the unit test) when the JSON was edited wrongly. */
function checked(raw: unknown): Templates {
  const templates = raw as Record<string, { id?: unknown; fields?: Record<string, { key?: unknown }> }>;
  const expected: { [K in NoticeKind]: readonly NoticeFields[K][] } = {
    caseStatusChanged: ['receiptNo', 'title', 'status', 'updatedAt', 'note'],
    caseReplied: ['title', 'replier', 'summary', 'repliedAt'],
    receptionReminder: ['station', 'time', 'deputy', 'tip'],
    handlerTask: ['task', 'title', 'receiptNo', 'dueAt', 'note'],
  };
  for (const kind of NOTICE_KINDS) {
    const template = templates[kind];
    if (typeof template?.id !== 'string' || template.id === '') throw new Error(`subscribe-templates.json: ${kind}.id is missing`);
    for (const field of expected[kind]) {
      const key = template.fields?.[field]?.key;
      if (typeof key !== 'string' || !fieldTypeOf(key)) throw new Error(`subscribe-templates.json: ${kind}.fields.${field}.key is not a WeChat field key`);
    }
  }
  return templates as unknown as Templates;
}
