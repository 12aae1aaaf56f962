import type { CostType, ExpenditureKind, FundSource } from './model';

/**
 * The pinyin initials of each fixed choice, so that a choice can be typed the way a pinyin user
 * abbreviates it (`jb` 基本支出, `yb` 一般公共预算财政拨款). Written out, not derived: the screen has no
 * pinyin dictionary, and the typed type makes a new choice without initials a compile error.
 */
export const CHOICE_INITIALS: Readonly<Record<FundSource | ExpenditureKind | CostType, string>> = {
  一般公共预算财政拨款: 'ybggysczbk',
  政府性基金预算财政拨款: 'zfxjjysczbk',
  国有资本经营预算财政拨款: 'gyzbjyysczbk',
  事业收入: 'sysr',
  事业单位经营收入: 'sydwjysr',
  其他收入: 'qtsr',
  基本支出: 'jbzc',
  项目支出: 'xmzc',
  人员经费: 'ryjf',
  公用经费: 'gyjf',
};
