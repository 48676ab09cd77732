/**
 * What the mini-program shows or checks of the back end's rules, and where each one lives:
 * the list scripts/build-rules.ts turns into miniprogram/generated/. Adding a constant here is
 * how a page gets one; a page never copies a number, a word or a pattern from backend/ by hand.
 */
import checkin from '../../config/checkin.json';
import retention from '../../config/retention.json';
import { DEPUTY_LEVEL_LABELS, PERSON_LIMITS } from '../../backend/domain/admin/person.input';
import { STATION_CODE, STATION_LIMITS } from '../../backend/domain/admin/station.input';
import { UNIT_KIND_LABELS, UNIT_LIMITS } from '../../backend/domain/admin/unit.input';
import { BOOKING_RULES } from '../../backend/domain/booking/booking.rules';
import { CHINA_UTC_OFFSET_MINUTES } from '../../backend/domain/calendar';
import { ACTION_TEXT_LIMITS } from '../../backend/domain/case/case.command-input';
import { ADDRESS_MAX, CONTENT_LIMITS, MAX_PHOTOS, VOICE_LIMITS } from '../../backend/domain/case/case.input';
import * as caseLabels from '../../backend/domain/case/case.labels';
import { MAX_REOPENS } from '../../backend/domain/case/case.status';
import { TITLE_LIMITS } from '../../backend/domain/case/case.title';
import { CASE_TIME_LIMITS } from '../../backend/domain/case/deadlines';
import { CONTACT_NAME_MAX, MOBILE_PHONE, OFFICE_PHONE, PHONE_MAX_CHARS } from '../../backend/domain/contact';
import { INVITE_CODE_LENGTH } from '../../backend/domain/invites/invite.code';
import { INVITE_VALID_DAYS } from '../../backend/domain/invites/invite.status';
import { JOIN_NOTE_MAX } from '../../backend/domain/join/join.input';
import { checkInWindowConfig } from '../../backend/domain/reception/checkin.window';
import { PRESENCE_CODE_RULES, PRESENCE_PAYLOAD_PREFIX } from '../../backend/domain/reception/presence-code';
import { RECEPTION_RULES } from '../../backend/domain/reception/reception.rules';
import { contactRetentionDays } from '../../backend/domain/retention/retention.rule';
import { REPORT_RULES } from '../../backend/domain/report/report.rules';
import { EVENT_KIND_LABELS, EVENT_RULES } from '../../backend/domain/event/event.rules';
import { ACTIVITY_KIND_LABELS, ACTIVITY_RULES } from '../../backend/domain/activity/activity.rules';
import { SUGGESTION_RESULT_LABELS, SUGGESTION_RULES, SUGGESTION_STATUS_LABELS } from '../../backend/domain/suggestion/suggestion.rules';
import { CONSULTATION_RULES } from '../../backend/domain/consultation/consultation.rules';
import type { GeneratedModule } from './render';

/** Every generated module's header says why it is generated, for whoever opens it first. */
const WHY =
  'Generated at build time rather than sent by the server: these are constants of a release, the\n' +
  'same for every caller, and a page needs them before any call answers (a form checks its limits\n' +
  'as the resident types, a hint shows on an empty sheet). What depends on the caller or the\n' +
  'moment (a case’s availableCommands, a reception’s earliestDate) comes in the server’s answer.\n' +
  'Only data: the mini-program imports nothing else from backend/ or config/.';

const LABELS = 'backend/domain/case/case.labels.ts';
const CASE_INPUT = 'backend/domain/case/case.input.ts';
const CONTACT = 'backend/domain/contact.ts';
const SUGGESTION_RULES_FILE = 'backend/domain/suggestion/suggestion.rules.ts';
const CONSULTATION_RULES_FILE = 'backend/domain/consultation/consultation.rules.ts';

const labels: GeneratedModule = {
  file: 'labels.ts',
  about: `The Chinese the back end uses for a case and a deputy, word for word, so a page and a\nsubscription message never name one thing two ways.\n\n${WHY}`,
  typeImports: {
    '../../typings/case': ['CaseActorRole', 'CaseCategory', 'CaseCommandKind', 'CaseEventKind', 'CaseStatus', 'RatingValue', 'TransferRoute'],
    '../../typings/models': ['DeputyLevel'],
    '../../typings/unit': ['UnitKind'],
    '../../typings/suggestion': ['SuggestionResult', 'SuggestionStatus'],
  },
  constants: [
    { name: 'STATUS_LABELS', doc: 'A case status as the status tag shows it.', from: LABELS, type: 'Readonly<Record<CaseStatus, string>>', value: caseLabels.STATUS_LABELS },
    {
      name: 'COMMAND_LABELS',
      doc: 'Button verbs: the resident’s on their case page, the handlers’ on theirs.',
      from: LABELS,
      type: 'Readonly<Record<CaseCommandKind, string>>',
      value: caseLabels.COMMAND_LABELS,
    },
    { name: 'EVENT_LABELS', doc: 'Timeline headings.', from: LABELS, type: 'Readonly<Record<CaseEventKind, string>>', value: caseLabels.EVENT_LABELS },
    { name: 'CATEGORY_LABELS', doc: 'What kind of message a case is.', from: LABELS, type: 'Readonly<Record<CaseCategory, string>>', value: caseLabels.CATEGORY_LABELS },
    { name: 'RATING_LABELS', doc: 'The resident’s rating of a reply.', from: LABELS, type: 'Readonly<Record<RatingValue, string>>', value: caseLabels.RATING_LABELS },
    {
      name: 'TRANSFER_ROUTE_LABELS',
      doc: 'Where a transferred case went.',
      from: LABELS,
      type: 'Readonly<Record<TransferRoute, string>>',
      value: caseLabels.TRANSFER_ROUTE_LABELS,
    },
    {
      name: 'ACTOR_ROLE_LABELS',
      doc: 'Who did something on the timeline.',
      from: LABELS,
      type: 'Readonly<Record<CaseActorRole, string>>',
      value: caseLabels.ACTOR_ROLE_LABELS,
    },
    {
      name: 'DEPUTY_LEVEL_LABELS',
      doc: 'A deputy’s level, on the roster and in pickers.',
      from: 'backend/domain/admin/person.input.ts',
      type: 'Readonly<Record<DeputyLevel, string>>',
      value: DEPUTY_LEVEL_LABELS,
    },
    {
      name: 'UNIT_KIND_LABELS',
      doc: 'A handling unit’s (承办单位’s) kind, on the office’s unit list and form.',
      from: 'backend/domain/admin/unit.input.ts',
      type: 'Readonly<Record<UnitKind, string>>',
      value: UNIT_KIND_LABELS,
    },
    {
      name: 'SUGGESTION_STATUS_LABELS',
      doc: 'A 代表建议’s status, as the office’s filter lists it.',
      from: SUGGESTION_RULES_FILE,
      type: 'Readonly<Record<SuggestionStatus, string>>',
      value: SUGGESTION_STATUS_LABELS,
    },
    {
      name: 'SUGGESTION_RESULT_LABELS',
      doc: 'A unit’s answer to a 代表建议, by result class (A–D).',
      from: SUGGESTION_RULES_FILE,
      type: 'Readonly<Record<SuggestionResult, string>>',
      value: SUGGESTION_RESULT_LABELS,
    },
  ],
};

const rules: GeneratedModule = {
  file: 'rules.ts',
  about:
    'The back end’s limits, deadlines and patterns that the pages check before sending or\n' +
    `quote in a hint. The server checks again; these only let a page say it first, in the same words.\n\n${WHY}`,
  typeImports: {},
  constants: [
    {
      name: 'CHINA_UTC_OFFSET_MINUTES',
      doc: 'China Standard Time, in minutes east of UTC: every date and clock time in the data is read on it.',
      from: 'backend/domain/calendar.ts',
      value: CHINA_UTC_OFFSET_MINUTES,
    },
    { name: 'CASE_TIME_LIMITS', doc: 'Time limits of case handling, in calendar days.', from: 'backend/domain/case/deadlines.ts', value: CASE_TIME_LIMITS },
    { name: 'MAX_REOPENS', doc: 'A resident may ask for a case to be handled again (重办) this many times.', from: 'backend/domain/case/case.status.ts', value: MAX_REOPENS },
    {
      name: 'CONTACT_RETENTION_DAYS',
      doc: 'Days the resident’s contact stays on a case after it ended.',
      from: 'config/retention.json',
      value: contactRetentionDays(retention),
    },
    { name: 'TITLE_LIMITS', doc: 'A typed case title, in characters.', from: 'backend/domain/case/case.title.ts', value: TITLE_LIMITS },
    { name: 'CONTENT_LIMITS', doc: 'A case’s text, in characters, when no voice message carries it.', from: CASE_INPUT, value: CONTENT_LIMITS },
    { name: 'MAX_PHOTOS', doc: 'Photos on one message.', from: CASE_INPUT, value: MAX_PHOTOS },
    { name: 'VOICE_LIMITS', doc: 'A voice message, in whole seconds.', from: CASE_INPUT, value: VOICE_LIMITS },
    { name: 'ADDRESS_MAX', doc: 'The longest description of where a problem is, in characters.', from: CASE_INPUT, value: ADDRESS_MAX },
    {
      name: 'ACTION_TEXT_LIMITS',
      doc: 'The longest text each case action takes, by action and field, in characters.',
      from: 'backend/domain/case/case.command-input.ts',
      value: ACTION_TEXT_LIMITS,
    },
    { name: 'CONTACT_NAME_MAX', doc: 'The longest name a resident gives as their contact, in characters.', from: CONTACT, value: CONTACT_NAME_MAX },
    {
      name: 'JOIN_NOTE_MAX',
      doc: 'The longest note a resident who joined a case (我也遇到) adds for its handlers, in characters.',
      from: 'backend/domain/join/join.input.ts',
      value: JOIN_NOTE_MAX,
    },
    { name: 'MOBILE_PHONE', doc: 'A mainland mobile number, as a resident’s contact.', from: CONTACT, value: MOBILE_PHONE },
    { name: 'OFFICE_PHONE', doc: 'An office line or mobile, as a station or an officer lists it.', from: CONTACT, value: OFFICE_PHONE },
    { name: 'PHONE_MAX_CHARS', doc: 'The longest phone text any form takes.', from: CONTACT, value: PHONE_MAX_CHARS },
    { name: 'PERSON_LIMITS', doc: 'A deputy or an officer as the district office saves them.', from: 'backend/domain/admin/person.input.ts', value: PERSON_LIMITS },
    { name: 'UNIT_LIMITS', doc: 'A handling unit (承办单位) as the district office saves it.', from: 'backend/domain/admin/unit.input.ts', value: UNIT_LIMITS },
    { name: 'STATION_CODE', doc: 'A station’s door code (the QR code’s scene).', from: 'backend/domain/admin/station.input.ts', value: STATION_CODE },
    { name: 'STATION_LIMITS', doc: 'A station as the district office saves it.', from: 'backend/domain/admin/station.input.ts', value: STATION_LIMITS },
    {
      name: 'RECEPTION_RULES',
      doc: 'Publishing a reception day: how far ahead, and how many residents a slot takes.',
      from: 'backend/domain/reception/reception.rules.ts',
      value: { minNoticeDays: RECEPTION_RULES.minNoticeDays, slotCapacity: RECEPTION_RULES.slotCapacity },
    },
    {
      name: 'PRESENCE_CODE',
      doc: 'The 签到码 a deputy types or scans: its digits, how often it changes, how the officer’s QR code begins.',
      from: 'backend/domain/reception/presence-code.ts',
      value: { digits: PRESENCE_CODE_RULES.digits, periodSeconds: PRESENCE_CODE_RULES.periodSeconds, payloadPrefix: PRESENCE_PAYLOAD_PREFIX },
    },
    {
      name: 'CHECK_IN_WINDOW',
      doc: 'When a deputy may check in, in minutes around the reception’s hours.',
      from: 'config/checkin.json',
      value: { ...checkInWindowConfig(checkin) },
    },
    {
      name: 'BOOKING_RULES',
      doc: 'Booking: how far ahead receptions are open to it, when it closes, when the reminder goes, how long the topic may be.',
      from: 'backend/domain/booking/booking.rules.ts',
      value: { horizonDays: BOOKING_RULES.horizonDays, closes: BOOKING_RULES.closes, reminder: BOOKING_RULES.reminder, topicMaxChars: BOOKING_RULES.topicMaxChars },
    },
    {
      name: 'REPORT_LIMITS',
      doc: 'A 述职报告 as it is published and rated: title, text, photos, the longest period, a rating’s comment.',
      from: 'backend/domain/report/report.rules.ts',
      value: {
        titleMax: REPORT_RULES.titleMax,
        contentMax: REPORT_RULES.contentMax,
        photos: REPORT_RULES.maxPhotos,
        periodMaxDays: REPORT_RULES.maxPeriodDays,
        commentMax: REPORT_RULES.commentMax,
      },
    },
    {
      name: 'EVENT_LIMITS',
      doc: 'A 代表论坛 / 约见 as it is published, asked about and summarised: topic, departments, place, a question, the summary, photos.',
      from: 'backend/domain/event/event.rules.ts',
      value: {
        topicMax: EVENT_RULES.topicMax,
        departmentsMax: EVENT_RULES.departmentsMax,
        departmentMax: EVENT_RULES.departmentMax,
        placeMax: EVENT_RULES.placeMax,
        questionMax: EVENT_RULES.questionMax,
        summaryMax: EVENT_RULES.summaryMax,
        photos: EVENT_RULES.maxPhotos,
      },
    },
    {
      name: 'EVENT_KIND_LABELS',
      doc: 'The kinds of event on the reception schedule, as pages name them.',
      from: 'backend/domain/event/event.rules.ts',
      value: { ...EVENT_KIND_LABELS },
    },
    {
      name: 'ACTIVITY_LIMITS',
      doc: 'A 履职登记 as an officer records it and a deputy disputes it: place, note, photos, a dispute’s reason.',
      from: 'backend/domain/activity/activity.rules.ts',
      value: {
        placeMax: ACTIVITY_RULES.placeMax,
        noteMax: ACTIVITY_RULES.noteMax,
        photos: ACTIVITY_RULES.maxPhotos,
        reasonMin: ACTIVITY_RULES.reasonMin,
        reasonMax: ACTIVITY_RULES.reasonMax,
      },
    },
    {
      name: 'ACTIVITY_KIND_LABELS',
      doc: 'The kinds of duty done outside the app, as the form lists them.',
      from: 'backend/domain/activity/activity.rules.ts',
      value: { ...ACTIVITY_KIND_LABELS },
    },
    {
      name: 'SUGGESTION_LIMITS',
      doc: 'A 代表建议 as it is written, reviewed, answered and rated: texts, attachments, co-signers, linked cases, assisting units.',
      from: SUGGESTION_RULES_FILE,
      value: {
        titleMax: SUGGESTION_RULES.titleMax,
        textMax: SUGGESTION_RULES.textMax,
        attachments: SUGGESTION_RULES.maxAttachments,
        cosigners: SUGGESTION_RULES.maxCosigners,
        cases: SUGGESTION_RULES.maxCases,
        assistUnits: SUGGESTION_RULES.maxAssistUnits,
        reasonMin: SUGGESTION_RULES.reasonMin,
        reasonMax: SUGGESTION_RULES.reasonMax,
        noteMax: SUGGESTION_RULES.noteMax,
        opinionMax: SUGGESTION_RULES.opinionMax,
        answerMax: SUGGESTION_RULES.answerMax,
        commentMin: SUGGESTION_RULES.commentMin,
        commentMax: SUGGESTION_RULES.commentMax,
      },
    },
    {
      name: 'CONSULTATION_LIMITS',
      doc: 'A 立法意见征集 as the office publishes it, a comment as a resident gives it (text, printed name, occupation), and as it is declined, edited and adopted.',
      from: CONSULTATION_RULES_FILE,
      value: {
        titleMax: CONSULTATION_RULES.titleMax,
        askedByMax: CONSULTATION_RULES.askedByMax,
        summaryMax: CONSULTATION_RULES.summaryMax,
        textMax: CONSULTATION_RULES.textMax,
        articlesMax: CONSULTATION_RULES.articlesMax,
        attachments: CONSULTATION_RULES.maxAttachments,
        minOpenDays: CONSULTATION_RULES.minOpenDays,
        commentMax: CONSULTATION_RULES.commentMax,
        bylineMax: CONSULTATION_RULES.bylineMax,
        reasonMin: CONSULTATION_RULES.reasonMin,
        reasonMax: CONSULTATION_RULES.reasonMax,
        noteMin: CONSULTATION_RULES.noteMin,
        noteMax: CONSULTATION_RULES.noteMax,
        // The office's light edit is held to a comment's own length.
        editMax: CONSULTATION_RULES.commentMax,
        pageSize: CONSULTATION_RULES.pageSize,
      },
    },
    { name: 'INVITE_CODE_LENGTH', doc: 'Characters in an invite code.', from: 'backend/domain/invites/invite.code.ts', value: INVITE_CODE_LENGTH },
    {
      name: 'INVITE_VALID_DAYS',
      doc: 'An invite code is good for this many days after it is made.',
      from: 'backend/domain/invites/invite.status.ts',
      value: INVITE_VALID_DAYS,
    },
  ],
};

export const GENERATED_MODULES: readonly GeneratedModule[] = [labels, rules];
