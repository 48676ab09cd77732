/**
 * The comment table, checked against a grid written by hand from the issue: every status × every
 * command issued by the party that may issue it, in each state of the consultation; every other
 * party refused.
 */
import type { CommentStatus, ConsultationStatus } from '../../../typings/consultation';
import { commentStep, COMMENT_COMMANDS, type CommentCommand, type CommentParty } from './consultation.table';

const BY: Record<CommentCommand, CommentParty> = {
  claim: 'claimant',
  withdraw: 'owner',
  forward: 'officer',
  duplicate: 'officer',
  decline: 'officer',
  edit: 'office',
  adopt: 'office',
};

// '—': refused (ILLEGAL_TRANSITION). Columns: claim withdraw forward duplicate decline edit adopt.
const GRID: Record<ConsultationStatus, Record<CommentStatus, string>> = {
  open: {
    pending: '  submitted  —          —          —          —         —          —',
    submitted: '—          withdrawn  forwarded  duplicate  declined  —          —',
    withdrawn: '—          —          —          —          —         —          —',
    forwarded: '—          —          forwarded  duplicate  declined  —          —',
    duplicate: '—          —          forwarded  duplicate  declined  —          —',
    declined: ' —          —          forwarded  duplicate  declined  —          —',
  },
  closed: {
    pending: '  submitted  —          —          —          —         —          —',
    submitted: '—          —          forwarded  duplicate  declined  submitted  —',
    withdrawn: '—          —          —          —          —         —          —',
    forwarded: '—          —          forwarded  duplicate  declined  forwarded  —',
    duplicate: '—          —          forwarded  duplicate  declined  duplicate  —',
    declined: ' —          —          forwarded  duplicate  declined  declined   —',
  },
  reported: {
    pending: '  —          —          —          —          —         —          —',
    submitted: '—          —          —          —          —         submitted  —',
    withdrawn: '—          —          —          —          —         —          —',
    forwarded: '—          —          —          —          —         forwarded  forwarded',
    duplicate: '—          —          —          —          —         duplicate  —',
    declined: ' —          —          —          —          —         declined   —',
  },
};

const cells = Object.entries(GRID).flatMap(([consultation, rows]) =>
  Object.entries(rows).flatMap(([status, row]) =>
    row
      .trim()
      .split(/\s+/)
      .map((cell, i) => [consultation as ConsultationStatus, status as CommentStatus, COMMENT_COMMANDS[i]!, cell] as const),
  ),
);

describe('the comment table', () => {
  it('has a cell for every consultation state, status and command', () => {
    expect(cells).toHaveLength(3 * 6 * 7);
  });

  it.each(cells)('%s, %s: %s → %s', (consultation, status, command, expected) => {
    const step = commentStep(command, status, BY[command], consultation);
    if (expected === '—') expect(step).toMatchObject({ ok: false, failure: { code: 'ILLEGAL_TRANSITION' } });
    else expect(step).toEqual({ ok: true, value: expected });
  });

  it.each(COMMENT_COMMANDS)('%s: refused to every other party; a stranger is told it does not exist', (command) => {
    for (const party of ['owner', 'claimant', 'officer', 'office'] as const) {
      if (party === BY[command]) continue;
      expect(commentStep(command, 'submitted', party, 'open')).toMatchObject({ ok: false, failure: { code: 'FORBIDDEN' } });
    }
    expect(commentStep(command, 'submitted', 'other', 'open')).toMatchObject({ ok: false, failure: { code: 'NOT_FOUND' } });
  });
});
