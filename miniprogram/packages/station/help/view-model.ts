/**
 * What 使用说明 says, in plain words, with the numbers the back end enforces (time-limits.ts)
 * and the reading rules of docs/api.md ("What a reader sees") and docs/permissions.md. Pure:
 * unit-tested in test/miniprogram/help-page.test.ts.
 */
import type { HelpLimits } from './time-limits';

export interface HelpStep {
  key: 'submit' | 'accept' | 'handle' | 'reply' | 'rate';
  title: string;
  text: string;
  /** 多久: only what a deadline of the back end guarantees. */
  time: string;
}

export interface HelpReader {
  key: string;
  who: string;
  text: string;
}

export interface HelpView {
  steps: HelpStep[];
  stepsNote: string;
  readers: HelpReader[];
  privacyNotes: string[];
}

export function helpView(limits: HelpLimits): HelpView {
  const { acceptDays, replyDays, autoCloseDays, reopenWindowDays, maxReopens, contactRetentionDays } = limits;
  return {
    steps: [
      { key: 'submit', title: '提交', text: '写下或说出您遇到的问题，提交后会得到一个受理编号。', time: '提交后马上就能在“我的留言”里看到。' },
      { key: 'accept', title: '受理', text: '联络员看过留言后受理。不归联络站办的，会告诉您原因和可以去哪里反映。', time: `提交后 ${acceptDays} 天内。` },
      {
        key: 'handle',
        title: '办理',
        text: '联络员交给代表办理，或转给街道办事处等有关部门。您留了电话的，他们可能打给您了解情况。',
        time: '转给有关部门的，期限由联络员定，会写在留言进度里。',
      },
      {
        key: 'reply',
        title: '答复',
        text: '代表或联络员把办理结果答复给您。您同意接收消息的，微信会提醒您。',
        time: `受理后 ${replyDays} 天内；重办的，从重办那天起再算 ${replyDays} 天。`,
      },
      {
        key: 'rate',
        title: '评价',
        text: `看过答复请评价：满意、基本满意或不满意。不满意可以申请重办，最多 ${maxReopens} 次。`,
        time: `答复后 ${autoCloseDays} 天内没有评价的，留言自动办结；办结后 ${reopenWindowDays} 天内，没有评价满意的还可以申请重办。`,
      },
    ],
    stepsNote: '天数按日历天算，节假日也算在内，算到那一天结束。快到期时系统会提醒办理的人，过了期限会自动督办。',
    readers: [
      { key: 'me', who: '您自己', text: '留言的全部内容、进度和答复。' },
      { key: 'officer', who: '联络站的联络员', text: '全部内容和您留的联系方式，匿名留言也一样，方便联系您了解情况。' },
      {
        key: 'deputy',
        who: '代表',
        text: '您写给的代表，或联络员交办的代表，能看到留言内容，其中的电话号码、身份证号会被隐去。交办的代表还能看到您的称呼和联系方式，匿名留言除外。',
      },
      { key: 'office', who: '区人大常委会', text: '为了督促办理，能看到留言内容（电话号码等同样隐去），看不到您的联系方式。' },
      { key: 'others', who: '其他人', text: '其他群众看不到您的留言。联络站公开的只是收到、办结多少件这样的数字。' },
    ],
    privacyNotes: [
      '选择匿名后，代表和区人大常委会都看不到您是谁；联络员仍然看得到，以便联系您。',
      `留言办结、不予受理或撤回 ${contactRetentionDays} 天后，您留的联系方式会被删除。`,
    ],
  };
}
