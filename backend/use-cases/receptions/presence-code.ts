import type { PresenceCodeInput, PresenceCodeOutput } from '../../../typings/workspace';
import { ensurePresenceSecret } from '../../data/presence-secrets';
import { findReception } from '../../data/receptions';
import { findStation } from '../../data/stations';
import { shanghaiDate } from '../../domain/calendar';
import type { Actor } from '../../domain/case';
import { shanghaiClock } from '../../domain/calendar';
import { checkInHours, issuePresenceCode, PRESENCE_CODE_RULES, presencePayload, RECEPTION_REFUSALS as refuse } from '../../domain/reception';
import { ok, type Result } from '../../domain/result';
import type { Database } from '../../platform/cloudbase';
import { qrDataUrl } from '../../platform/qr-image';
import { CHECK_IN_SETTINGS, type CheckInSettings } from './checkin-settings';
import { staffsStation } from './scope';

/**
 * The presence code (签到码) the officer's phone shows on a reception day, for the deputies to
 * scan: a new one every 30 seconds, computed from the reception's secret, which is made on the
 * first request and never leaves the server. Only on the day, only at the officer's stations.
 */
export async function presenceCode(
  db: Database,
  actor: Actor,
  input: PresenceCodeInput,
  now: Date,
  settings: CheckInSettings = CHECK_IN_SETTINGS,
): Promise<Result<PresenceCodeOutput>> {
  const reception = await findReception(db, input.receptionId);
  if (!reception) return refuse.receptionNotFound();
  if (!staffsStation(actor, reception.stationId)) return refuse.notYourStation();
  const today = shanghaiDate(now);
  if (reception.date > today) return refuse.presenceNotYet(reception.date);
  if (reception.date < today) return refuse.presencePast(reception.date);
  const station = await findStation(db, { id: reception.stationId });
  if (!station) return refuse.stationNotFound();

  const secret = await ensurePresenceSecret(db, reception._id, settings.newSecret, now);
  const issued = issuePresenceCode(settings.hmac, secret, reception._id, now);
  const payload = presencePayload(station.code, issued.code);
  const hours = checkInHours(reception, settings.window);
  return ok({
    receptionId: reception._id,
    stationName: station.name,
    date: reception.date,
    code: issued.code,
    payload,
    qrImage: await qrDataUrl(payload),
    issuedAt: issued.issuedAt.toISOString(),
    expiresAt: issued.expiresAt.toISOString(),
    periodSeconds: PRESENCE_CODE_RULES.periodSeconds,
    checkInOpens: shanghaiClock(hours.opensAt),
    checkInCloses: shanghaiClock(hours.closesAt),
  });
}
