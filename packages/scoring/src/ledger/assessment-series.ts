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
  const dir = (options.higherIsBetter ?? true) ? 'desc' : 'asc';
  const flat = options.flatWithin ?? 1e-9;
  const sorted = [...rounds].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
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
  return { rounds: out, units };
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
  const unit = options.unit ?? 'region';
  const metric = options.metric ?? 'completionRate';
  const rounds = dates.map((date): AssessmentRoundInput => {
    const rates = taskRates(ledger, date);
    const list: readonly UnitTaskRates[] = unit === 'region' ? rates.regions : rates.departments;
    return {
      date,
      scores: Object.fromEntries(
        list.map((r) => [r.unit.id, r[metric] === null ? null : (r[metric] as number) * 100]),
      ),
    };
  });
  return assessmentSeries(rounds, { higherIsBetter: metric === 'completionRate' });
}
