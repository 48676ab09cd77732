/**
 * The 代表函 of a case transferred to the district standing committee (route
 * district_committee, seed `003`): its facts as of the transfer, rendered as a PDF by
 * documents/deputy-letter.ts, stored and handed out as a short-lived URL. Issued for the
 * station's officers and the district office; the letter's number and dates come from the
 * transfer, so issuing it again prints the same letter.
 */
import type { DeputyLetterOutput } from '../../../typings/workspace';
import { shanghaiDate } from '../../domain/calendar';
import { maskedText } from '../../domain/case';
import type { Actor, CaseState } from '../../domain/case';
import { fail, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { eventsOf } from '../../data/case-events';
import { deputyNames, staffNames } from '../../data/people-by-id';
import { findStation } from '../../data/stations';
import { renderDeputyLetter } from '../../documents/deputy-letter';
import type { DeputyLetter } from '../../documents/deputy-letter';
import type { Database } from '../../platform/cloudbase';
import { letterPath, storeLetter } from './letter-file';
import { caseNotFound, readableCase } from './read-cases';

/** 福田代函〔2026〕FT20261121-0042: the district without 区, the year, the receipt number. */
export function letterNumber(district: string, year: string, receiptNo: string): string {
  return `${district.trim().replace(/区$/, '')}代函〔${year}〕${receiptNo}`;
}

export async function issueDeputyLetter(db: Database, actor: Actor, caseId: string): Promise<Result<DeputyLetterOutput>> {
  const stored = await readableCase(db, actor, caseId);
  if (!stored) return caseNotFound();
  const { state } = stored;
  if (actor.role !== 'officer' && actor.role !== 'admin') return fail('FORBIDDEN');
  const transfer = state.transfer;
  if (!transfer || transfer.route !== 'district_committee') {
    return fail('ILLEGAL_TRANSITION', '只有以代表函转区人大常委会办理的留言才能生成代表函');
  }
  const station = await findStation(db, { id: state.stationId });
  if (!station) return caseNotFound();

  const letter = await letterFacts(db, state, { district: station.district, stationName: station.name, stationPhone: station.phone });
  const pdf = await renderDeputyLetter(letter, { now: new Date(transfer.at) });
  const { fileId, url } = await storeLetter(letterPath(state.id, state.receiptNo), pdf);
  return ok({ letterNo: letter.letterNo, fileId, url });
}

/**
 * The resident's words as the letter quotes them. Paper cannot carry a voice message: the letter
 * says there is one, how long, and where to hear it — so a voice-only case is not sent blank.
 */
export function letterRequest(content: string, voice: CaseState['voice']): string {
  if (!voice) return content;
  const note = `（群众${content ? '另附' : '以'}语音留言反映，时长 ${voice.durationSec} 秒，可向联络站调听。）`;
  return content ? `${content}\n${note}` : note;
}

async function letterFacts(db: Database, state: CaseState, station: { district: string; stationName: string; stationPhone: string }): Promise<DeputyLetter> {
  const transfer = state.transfer!;
  const transferredAt = new Date(transfer.at);
  const issuedOn = shanghaiDate(transferredAt);
  // The officer who made the transfer signs; the deputy handling the case (else the one written to) passes it on.
  const transferEvent = [...(await eventsOf(db, state.id))].reverse().find((event) => event.kind === 'transferred');
  const deputyId = state.assignedDeputyId ?? state.targetDeputyId;
  const [deputies, staff] = await Promise.all([
    deputyNames(db, deputyId ? [deputyId] : []),
    staffNames(db, transferEvent?.actorRole === 'officer' ? [transferEvent.actorId] : []),
  ]);
  const deputyName = deputyId ? deputies.get(deputyId) : undefined;
  const officerName = transferEvent ? staff.get(transferEvent.actorId) : undefined;
  // The receiving body does not call the resident back: it reads the case as the district office
  // does, every typed field masked alike — the officer's receiving body too, as in the case view.
  const shown = maskedText(state);
  return {
    letterNo: letterNumber(station.district, issuedOn.slice(0, 4), state.receiptNo),
    district: station.district,
    stationName: station.stationName,
    ...(deputyName ? { deputyName } : {}),
    receivingBody: shown.transfer!.receivingBody,
    receiptNo: state.receiptNo,
    title: shown.title,
    request: letterRequest(shown.content, state.voice),
    submittedAt: shanghaiDate(new Date(state.submittedAt)),
    deadline: shanghaiDate(new Date(transfer.deadline)),
    issuedOn,
    ...(officerName ? { officerName } : {}),
    ...(station.stationPhone ? { stationPhone: station.stationPhone } : {}),
  };
}
