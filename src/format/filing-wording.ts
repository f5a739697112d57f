/** Wording shared by the filing formatters: the friendlier status text, target types, the deadline. */
import type { FilingTargetType } from '../types.js';
import type { Obligation } from '../reports/filing/obligations.js';

/** The status as a person reads it (product.md §4.3): 未备案（已逾期 N 天）, 未备案（剩余 N 天）… */
export function statusText(o: Obligation): string {
  switch (o.status) {
    case '已按期备案':
      return o.filedOn ? `已按期备案（${o.filedOn}）` : '已按期备案';
    case '逾期备案':
      return `逾期备案（逾期 ${o.daysLate} 天）`;
    case '未备案已逾期':
      return `未备案（已逾期 ${o.daysLate} 天）`;
    case '未备案未到期':
      return o.daysLeft === 0 ? '未备案（今日到期）' : `未备案（剩余 ${o.daysLeft} 天）`;
    default:
      return o.status;
  }
}

export const TARGET_TYPE_TEXT: Readonly<Record<FilingTargetType, string>> = {
  npc: '人大常委会',
  superior: '上一级人民政府',
  government: '本级人民政府',
};

/** 公布之日起30日 / 公布之日起20个工作日. */
export function deadlineText(days: number, unit: 'days' | 'workdays'): string {
  return `公布之日起${days}${unit === 'workdays' ? '个工作日' : '日'}`;
}

/** The document as one line: title and 文号. */
export function documentText(o: Obligation): string {
  return o.docNumber ? `${o.title}（${o.docNumber}）` : o.title;
}
