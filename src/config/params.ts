/**
 * Every number a rule uses, named (product.md §5 `params`). The defaults and their basis follow
 * rules.md; `practice` numbers are the ones most provinces use and are meant to be set per province.
 */
export const DEFAULT_PARAMS: Record<string, number> = Object.freeze({
  /** 重大行政决策 public comment period in days: 《重大行政决策程序暂行条例》第十五条第一款 (law; rules.md §3 decision-comment-period). */
  'comment.minDays': 30,
  /** 行政规范性文件 public comment period in working days: 市县法治政府建设示范指标 (practice; rules.md §4 normative-comment-period). */
  'comment.normativeMinWorkdays': 7,
  /** 重大行政决策 legality review time in working days: 《重大行政决策程序暂行条例》第二十六条第二款 (law; rules.md §3 decision-review-time). */
  'review.minWorkdays': 7,
  /** 行政规范性文件 legality review time in working days: 国办发〔2018〕115号 (policy, number not verified: practice; rules.md §4 normative-review-time). */
  'review.normativeMinWorkdays': 5,
  /** Longest validity in years: most provincial rules (practice; rules.md §5 validity-too-long). */
  'validity.maxYears': 5,
  /** Longest validity of a 试行/暂行 document in years (practice; rules.md §5 validity-too-long). */
  'validity.trialMaxYears': 2,
  /** Days before the end date at which a document counts as expiring (practice; rules.md §5 validity-expiring, product.md §4.2). */
  'validity.warnBeforeDays': 180,
  /** Days between 公布 and 施行: 《规章制定程序条例》第三十二条、第三十六条 applied by reference (practice; rules.md §4 normative-effective-delay). */
  'effective.minDelayDays': 30,
  /** Filing deadline in days after publication: 《监督法》第三十九条、第四十条, 组织法 第七十五条; the number is practice (rules.md §7, product.md §5.4). */
  'filing.days': 30,
});
