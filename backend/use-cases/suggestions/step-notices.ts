/**
 * Who is told of a step (待办事项提醒, handlerTask, on their own grants), best-effort after the
 * step is written — a failure here is logged, never undoes or refuses the step:
 *   co-signers newly asked; the office when submitted and when a unit asks for something;
 *   the units' bound staff when assigned (or re-routed to them), the lead when its request is
 *   decided or the deputy sends the answer back; the author when returned, converted or answered.
 * One message per step and person (`suggestion:<id>:<seq>:<openid>`); whoever acted is not told.
 */
import { shanghaiDate } from '../../domain/calendar';
import { maskNumbers } from '../../domain/privacy';
import type { SuggestionDocument, SuggestionEventDocument } from '../../domain/suggestion';
import { insertNotificationOnce } from '../../data/notifications';
import { deputyAccounts, staffAudience } from '../../data/suggestion-recipients';
import type { Database } from '../../platform/cloudbase';
import { outboxDocument } from '../../notifications/outbox';
import { SUGGESTION_PAGE, suggestionCode } from '../../notifications/suggestion-notices';

interface Tell {
  readonly task: string;
  readonly deputyIds?: readonly string[];
  readonly unitIds?: readonly string[];
  readonly office?: boolean;
  readonly dueAt?: Date;
}

/** Who hears of this event, and what their task is. */
export function tellsOf(before: SuggestionDocument | undefined, after: SuggestionDocument, event: SuggestionEventDocument): Tell[] {
  const lead = after.leadUnitId ? [after.leadUnitId] : [];
  const assists = after.assignments.filter((a) => a.role === 'assist').map((a) => a.unitId);
  switch (event.kind) {
    case 'created':
    case 'edited': {
      const asked = after.cosigners.filter((c) => c.status === 'pending' && !before?.cosigners.some((b) => b.deputyId === c.deputyId)).map((c) => c.deputyId);
      return asked.length ? [{ task: '请确认联名代表建议', deputyIds: asked }] : [];
    }
    case 'submitted':
      return [{ task: '新的代表建议待审查', office: true }];
    case 'reroute_requested':
      return [{ task: '承办单位申请改办', office: true }];
    case 'extension_requested':
      return [{ task: '承办单位申请延期', office: true, dueAt: after.deadline }];
    case 'assigned':
      return unitTells(after, lead, assists);
    case 'request_granted':
      return event.data?.kind === 'reroute' ? unitTells(after, lead, assists) : [{ task: '延期申请已同意', unitIds: lead, dueAt: after.deadline }];
    case 'request_denied':
      return [{ task: '申请未获同意', unitIds: before?.request?.unitId ? [before.request.unitId] : lead, dueAt: after.deadline }];
    case 'reopened':
      return [{ task: '代表不满意，请重新答复', unitIds: lead, dueAt: after.deadline }];
    case 'returned':
      return [{ task: '代表建议被退回修改', deputyIds: [after.deputyId] }];
    case 'converted':
      return [{ task: '代表建议已转为留言办理', deputyIds: [after.deputyId] }];
    case 'answered':
      return [{ task: '代表建议已答复，请评价', deputyIds: [after.deputyId] }];
    default:
      return [];
  }
}

function unitTells(after: SuggestionDocument, lead: string[], assists: string[]): Tell[] {
  const assistDeadline = after.assignments.find((a) => a.role === 'assist')?.deadline;
  return [
    { task: '新交办的代表建议（主办）', unitIds: lead, dueAt: after.deadline },
    ...(assists.length ? [{ task: '新交办的代表建议（协办）', unitIds: assists, dueAt: assistDeadline }] : []),
  ];
}

/** Queues the messages of `event` (never throws). `actorOpenid`: the caller, who is not told of their own step. */
export async function tellPeople(
  db: Database,
  before: SuggestionDocument | undefined,
  after: SuggestionDocument,
  event: SuggestionEventDocument,
  actorOpenid: string,
  now: Date,
): Promise<void> {
  try {
    const tells = tellsOf(before, after, event);
    if (tells.length === 0) return;
    const deputyIds = tells.flatMap((t) => t.deputyIds ?? []);
    const unitIds = tells.flatMap((t) => t.unitIds ?? []);
    const office = tells.some((t) => t.office);
    const [deputies, staff] = await Promise.all([
      deputyAccounts(db, deputyIds),
      unitIds.length || office ? staffAudience(db, { unitIds, districts: office ? [after.district] : [] }) : undefined,
    ]);
    for (const tell of tells) {
      const openids = [
        ...(tell.deputyIds ?? []).flatMap((id) => deputies.get(id) ?? []),
        ...(tell.unitIds ?? []).flatMap((id) => staff?.units.get(id) ?? []),
        ...(tell.office ? (staff?.offices.get(after.district) ?? []) : []),
      ];
      for (const openid of new Set(openids)) {
        if (openid === actorOpenid) continue;
        const message = {
          _id: `suggestion:${after._id}:${event.seq}:${openid}`,
          openid,
          kind: 'handlerTask' as const,
          values: {
            task: tell.task,
            title: maskNumbers(after.title),
            receiptNo: suggestionCode(after),
            dueAt: tell.dueAt ?? event.at,
            note: maskNumbers(event.note ?? (tell.dueAt ? `请于 ${shanghaiDate(tell.dueAt)} 前办理` : tell.task)),
          },
          page: `${SUGGESTION_PAGE}?id=${after._id}`,
        };
        await insertNotificationOnce(db, outboxDocument(message, now));
      }
    }
  } catch (error) {
    console.error('[suggestions] queueing notices failed; the step itself is stored', error);
  }
}
