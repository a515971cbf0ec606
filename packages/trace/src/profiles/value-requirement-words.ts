/**
 * A value rule's condition in words, for its findings (`requirement`, in zh-CN and en): the
 * selector as written, the comparison as a sign or a word, the value, and the unit (°C, °F and K
 * for temperatures, the Rec 20 code otherwise). `expected` keeps the condition in the rule's own
 * terms (`all … lte -18 CEL`) for programs.
 */
import { describeValue, type LocalizedParam, localizedParam } from '@foodsafety/core';
import type { ValueCondition, ValueOp } from './trace-profile.js';

/** The comparison words, zh-CN then en (the signs read the same in both). */
const OP_WORDS: Readonly<Record<ValueOp, readonly [string, string]>> = {
  exists: ['有取值', ' is present'],
  eq: [' = ', ' = '],
  ne: [' ≠ ', ' ≠ '],
  lt: [' < ', ' < '],
  lte: [' ≤ ', ' ≤ '],
  gt: [' > ', ' > '],
  gte: [' ≥ ', ' ≥ '],
  in: ['属于 ', ' is one of '],
  'not-in': ['不属于 ', ' is none of '],
  matches: ['匹配 ', ' matches '],
  'gtin-in': ['的 GTIN 属于 ', ' has a GTIN in '],
};

/** Temperature units by their symbols; other units are shown as their Rec 20 codes. */
const UNIT_SYMBOLS: Readonly<Record<string, string>> = { CEL: '°C', FAH: '°F', KEL: 'K' };

const shown = (v: unknown) => describeValue(v, Number.POSITIVE_INFINITY);

/** What a value rule requires, in both languages (see the module note). */
export function requirementWords(cond: ValueCondition): LocalizedParam {
  const [zhOp, enOp] = OP_WORDS[cond.op] ?? [String(cond.op), String(cond.op)];
  const v = cond.value;
  const value = Array.isArray(v)
    ? `[${v.map(shown).join(', ')}]`
    : v === undefined || cond.op === 'exists'
      ? ''
      : cond.op === 'matches'
        ? `/${shown(v)}/`
        : shown(v);
  const unit = cond.uom === undefined ? '' : ` ${UNIT_SYMBOLS[cond.uom] ?? cond.uom}`;
  const what = `${value}${unit}`.trim();
  const any = cond.quantifier === 'any';
  // zh: the selector, then how many (均 / 至少一个, or 中至少一个 before 的 GTIN), then the op
  const many = any
    ? cond.op === 'gtin-in'
      ? '中至少一个'
      : '至少一个'
    : cond.op === 'gtin-in'
      ? ''
      : '均';
  const zhOpAll = cond.op === 'gtin-in' && !any ? '的 GTIN 均属于 ' : zhOp;
  const zh = `${cond.select} ${many}${zhOpAll}${what}`.trimEnd();
  const en = `${any ? 'some' : 'every'} ${cond.select}${enOp}${what}`.trimEnd();
  return localizedParam(zh, en);
}
