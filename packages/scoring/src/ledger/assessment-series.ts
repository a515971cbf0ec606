import { createDiagnostic, type Diagnostic, describeValue } from '@foodsafety/core';
import { notOneOf, optionsObject, wrongType } from '../options-object.js';
import { scoringMessages as M } from '../scoring-messages.js';
import type { TaskLedger, UnitKind } from './creation-task.js';
import { addMonthsIso } from './iso-day.js';
import { minRank } from './min-rank.js';
import { taskRates, type UnitTaskRates } from './task-rates.js';

/** One assessment round (考核轮次): its date and each unit's score (missing units: not assessed). */
export interface AssessmentRoundInput {
  readonly date: string;
  readonly label?: string;
  readonly scores: Readonly<Record<string, number | null | undefined>>;
}

/** A unit in one round: its score, rank (ties share the best rank) and change since the previous round. */
export interface RoundEntry {
  readonly id: string;
  readonly score: number | null;
  readonly rank: number | null;
  /** score − previous round's score; `null` when either is missing. */
  readonly change: number | null;
}

/** One round of the series. */
export interface AssessmentRound {
  readonly date: string;
  readonly label?: string;
  readonly entries: readonly RoundEntry[];
}

/** A unit's trajectory across the rounds. */
export interface UnitTrend {
  readonly id: string;
  readonly scores: readonly (number | null)[];
  readonly ranks: readonly (number | null)[];
  /** Last score − the score before it (both present), else `null`. */
  readonly lastChange: number | null;
  /** Least-squares slope of the score per round over the rounds where it was assessed. */
  readonly slope: number | null;
  readonly direction: 'up' | 'down' | 'flat' | 'unknown';
  /** Best and worst rank reached. */
  readonly bestRank: number | null;
  readonly worstRank: number | null;
}

/** Bi-monthly assessment rounds (双月考核) as a time series with rankings and trends. */
export interface AssessmentSeries {
  readonly rounds: readonly AssessmentRound[];
  readonly units: readonly UnitTrend[];
  /**
   * Input of the wrong shape, left out: rounds that are not a list (`SCHEMA_INVALID_TYPE`), a
   * round that is not an object, a date that is not text (`SCORING_DATE_INVALID`), scores that
   * are not an object (read as none), options of the wrong type; from {@link ledgerRounds}, also the task
   * ledger's (`SCORING_DATE_INVALID` at `['tasks', i, 'due']`, at `['dates', k]` for a date).
   */
  readonly diagnostics: readonly Diagnostic[];
}

/** Options of {@link assessmentSeries}. */
export interface AssessmentSeriesOptions {
  /** Whether a higher score ranks better (default true). */
  readonly higherIsBetter?: boolean;
  /** A change smaller than this in absolute value counts as flat (default 1e-9). */
  readonly flatWithin?: number;
}

function slopeOf(ys: readonly (number | null)[]): number | null {
  const pts = ys.flatMap((y, x) => (y === null ? [] : [[x, y] as const]));
  if (pts.length < 2) return null;
  const n = pts.length;
  const mx = pts.reduce((s, [x]) => s + x, 0) / n;
  const my = pts.reduce((s, [, y]) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of pts) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  return sxy / sxx;
}

/**
 * Turn assessment rounds into a time series: per round, each unit's score, rank (ties = min rank,
 * "1224") and change; per unit, its scores, ranks, last change, slope per round and direction.
 * Rounds are sorted by date; inputs are not mutated.
 */
export function assessmentSeries(
  rounds: readonly AssessmentRoundInput[],
  options: AssessmentSeriesOptions = {},
): AssessmentSeries {
  const diagnostics: Diagnostic[] = [];
  const { higherIsBetter, flatWithin } = optionsObject(options, diagnostics);
  const dir = (higherIsBetter ?? true) ? 'desc' : 'asc';
  if (flatWithin !== undefined && typeof flatWithin !== 'number')
    diagnostics.push(...wrongType(flatWithin, 'number', ['options', 'flatWithin']));
  const flat = typeof flatWithin === 'number' ? flatWithin : 1e-9;
  const given: readonly unknown[] = Array.isArray(rounds) ? rounds : [];
  if (!Array.isArray(rounds)) diagnostics.push(...wrongType(rounds, 'array', ['rounds']));
  const valid: AssessmentRoundInput[] = [];
  given.forEach((r, i) => {
    if (typeof r !== 'object' || r === null) {
      diagnostics.push(...wrongType(r, 'object', [i]));
      return;
    }
    const { date, scores } = r as Partial<AssessmentRoundInput>;
    if (typeof date !== 'string') {
      diagnostics.push(
        createDiagnostic(
          M.SCORING_DATE_INVALID,
          { value: describeValue(date, Number.POSITIVE_INFINITY) },
          { path: [i, 'date'] },
        ),
      );
      return;
    }
    if (typeof scores !== 'object' || scores === null) {
      diagnostics.push(...wrongType(scores, 'object', [i, 'scores']));
      valid.push({ ...(r as AssessmentRoundInput), scores: {} });
      return;
    }
    valid.push(r as AssessmentRoundInput);
  });
  const sorted = valid.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const ids: string[] = [];
  for (const r of sorted)
    for (const id of Object.keys(r.scores)) if (!ids.includes(id)) ids.push(id);
  const scoreOf = (r: AssessmentRoundInput, id: string): number | null => {
    const s = r.scores[id];
    return typeof s === 'number' && Number.isFinite(s) ? s : null;
  };
  const out: AssessmentRound[] = sorted.map((r, k) => {
    const values = ids.map((id) => scoreOf(r, id) ?? Number.NaN);
    const ranks = minRank(values, dir);
    const prev = k > 0 ? sorted[k - 1] : undefined;
    return {
      date: r.date,
      ...(r.label === undefined ? {} : { label: r.label }),
      entries: ids.map((id, i) => {
        const s = scoreOf(r, id);
        const p = prev === undefined ? null : scoreOf(prev, id);
        const rank = ranks[i] as number;
        return {
          id,
          score: s,
          rank: Number.isNaN(rank) ? null : rank,
          change: s === null || p === null ? null : s - p,
        };
      }),
    };
  });
  const units: UnitTrend[] = ids.map((id, i) => {
    const scores = out.map((r) => (r.entries[i] as RoundEntry).score);
    const ranks = out.map((r) => (r.entries[i] as RoundEntry).rank);
    const lastRound = out[out.length - 1];
    const lastChange = lastRound === undefined ? null : (lastRound.entries[i] as RoundEntry).change;
    const slope = slopeOf(scores);
    const present = ranks.filter((x): x is number => x !== null);
    return {
      id,
      scores,
      ranks,
      lastChange,
      slope,
      direction: slope === null ? 'unknown' : slope > flat ? 'up' : slope < -flat ? 'down' : 'flat',
      bestRank: present.length === 0 ? null : Math.min(...present),
      worstRank: present.length === 0 ? null : Math.max(...present),
    };
  });
  return { rounds: out, units, diagnostics };
}

/**
 * The dates of bi-monthly rounds: `count` dates two months apart from `first` (day clamped to the
 * month's end).
 */
export function bimonthlyRoundDates(first: string, count: number): string[] {
  return Array.from({ length: Math.max(0, Math.floor(count)) }, (_, k) =>
    addMonthsIso(first, 2 * k),
  );
}

/**
 * Assessment rounds computed from the task ledger: at each date, each region's (or department's)
 * completion rate (or overdue rate, where lower ranks better) as a percentage, ranked and trended.
 */
export function ledgerRounds(
  ledger: TaskLedger,
  dates: readonly string[],
  options: { unit?: UnitKind; metric?: 'completionRate' | 'overdueRate' } = {},
): AssessmentSeries {
  const diagnostics: Diagnostic[] = [];
  const given = optionsObject(options, diagnostics);
  const unit = given.unit ?? 'region';
  const metric = given.metric ?? 'completionRate';
  if (unit !== 'region' && unit !== 'department')
    diagnostics.push(...notOneOf(['region', 'department'], ['options', 'unit']));
  if (metric !== 'completionRate' && metric !== 'overdueRate')
    diagnostics.push(...notOneOf(['completionRate', 'overdueRate'], ['options', 'metric']));
  if (!Array.isArray(dates)) diagnostics.push(...wrongType(dates, 'array', ['dates']));
  const seen = new Set<string>();
  const rounds: AssessmentRoundInput[] = [];
  (Array.isArray(dates) ? (dates as readonly unknown[]) : []).forEach((date, k) => {
    if (typeof date !== 'string') {
      diagnostics.push(
        createDiagnostic(
          M.SCORING_DATE_INVALID,
          { value: describeValue(date, Number.POSITIVE_INFINITY) },
          { path: ['dates', k] },
        ),
      );
      return;
    }
    const rates = taskRates(ledger, date);
    for (const d of rates.diagnostics) {
      const path = d.path?.[0] === 'asOf' ? ['dates', k] : (d.path ?? []);
      const key = `${d.code} ${JSON.stringify(path)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      diagnostics.push({ ...d, path });
    }
    const list: readonly UnitTaskRates[] =
      unit === 'department' ? rates.departments : rates.regions;
    const rate = metric === 'overdueRate' ? 'overdueRate' : 'completionRate';
    rounds.push({
      date,
      scores: Object.fromEntries(
        list.map((r) => [r.unit.id, r[rate] === null ? null : (r[rate] as number) * 100]),
      ),
    });
  });
  const series = assessmentSeries(rounds, { higherIsBetter: metric !== 'overdueRate' });
  return { ...series, diagnostics: [...diagnostics, ...series.diagnostics] };
}
