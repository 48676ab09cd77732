/**
 * What the detail page asks the server besides the actions: the suggestion with who is looking
 * (their role decides the 交办单 and the links to cases), and the office's units for 交办.
 */
import type { SuggestionDetail } from '../../../../typings/suggestion';
import type { UserRole } from '../../../../typings/models';
import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';
import type { Choice } from '../common/labels';

const NO_ID = { ok: false as const, error: { code: 'NOT_FOUND', message: '没有找到这件代表建议', hint: '链接可能不完整，请从「代表建议」列表进入' } };

export async function openSuggestion(id: string | undefined): Promise<Outcome<{ detail: SuggestionDetail; role: UserRole }>> {
  if (!id) return NO_ID;
  const [got, profile] = await Promise.all([callApi('suggestion', 'get', { suggestionId: id }), callApi('user', 'profile', {})]);
  if (!got.ok) return got;
  return { ok: true, data: { detail: got.data, role: profile.ok ? profile.data.role : 'resident' } };
}

/** The district's handling units, for 交办 and for granting a re-routing. */
export async function unitChoices(): Promise<Outcome<Choice<string>[]>> {
  const units = await callApi('admin', 'units', {});
  return units.ok ? { ok: true, data: units.data.units.map((u) => ({ value: u.id, label: u.name })) } : units;
}
