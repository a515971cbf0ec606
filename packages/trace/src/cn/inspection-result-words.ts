import { type LocalizedParam, localizedParam } from '@foodsafety/core';
import { NO_DISPOSITION } from '../chain/stand-in-words.js';
import { cbvEquals } from '../profiles/kde-selector.js';

/** What an inspection may find, as CBV dispositions, in Chinese (the English is the CBV word). */
const RESULT_WORDS: readonly (readonly [word: string, zh: string])[] = [
  ['conformant', '合格'],
  ['non_conformant', '不合格'],
  ['in_progress', '检验中'],
  ['damaged', '损坏'],
  ['expired', '过期'],
  ['recalled', '已召回'],
  ['destroyed', '已销毁'],
  ['non_sellable_other', '不可销售'],
  ['unknown', '未知'],
];

/**
 * An inspection's result (its disposition, in any CBV spelling) as a message param: `不合格` in
 * zh-CN and `non_conformant` in en; a disposition without a Chinese name here as written in
 * both; none recorded as `未记录` / `(none)`.
 */
export function inspectionResultName(disposition: string | undefined): LocalizedParam {
  if (disposition === undefined) return NO_DISPOSITION;
  for (const [word, zh] of RESULT_WORDS)
    if (cbvEquals(disposition, word)) return localizedParam(zh, word);
  return localizedParam(disposition, disposition);
}
