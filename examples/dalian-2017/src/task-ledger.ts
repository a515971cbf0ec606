/**
 * A SIMULATED creation-task ledger (创建任务清单): CITY-PROGRAMME.md §1 gives its structure (656
 * tasks over 13 regions and 30 departments, assessed every two months) but not its content, so
 * the scenario generates a plausible, seeded ledger from data/ledger-plan.json, as
 * `@foodsafety/model` creation tasks, and hands it to the scoring engine as a task ledger.
 */
import { createRandom, type Random } from '@foodsafety/core';
import type { CreationTask } from '@foodsafety/model';
import { ledgerFromModelTasks, type TaskLedger } from '@foodsafety/scoring';

/** The ledger plan (data/ledger-plan.json). */
export interface LedgerPlan {
  readonly seed: string;
  readonly tasks: number;
  readonly asOf: string;
  readonly rounds: readonly { readonly date: string; readonly label: string }[];
  readonly dueFrom: string;
  readonly dueTo: string;
  /** Shares of department-led, region-led and joint tasks. */
  readonly mix: {
    readonly departmentLed: number;
    readonly regionLed: number;
    readonly joint: number;
  };
  /** Completion relative to the due date, in days (negative = early), before the units' lag. */
  readonly delay: { readonly meanDays: number; readonly sdDays: number };
  /** Extra delay of lagging (positive) or leading (negative) units, in days. */
  readonly lagDays: {
    readonly regions: Readonly<Record<string, number>>;
    readonly departments: Readonly<Record<string, number>>;
  };
  /** Relative number of region-led tasks per region (default 1). */
  readonly regionWeights: Readonly<Record<string, number>>;
  /** Departments that may lead the tasks of each standard item. */
  readonly itemLeads: Readonly<Record<string, readonly string[]>>;
  readonly defaultLeads: readonly string[];
}

/** What the ledger is generated over. */
export interface LedgerUnits {
  /** Region division codes, with their names. */
  readonly regions: readonly { readonly code: string; readonly name: string }[];
  readonly departments: readonly { readonly id: string; readonly name: string }[];
  /** The standard's items tasks can serve, with their points (tasks are drawn in proportion). */
  readonly items: readonly {
    readonly id: string;
    readonly points: number;
    readonly title: string;
  }[];
}

const DAY = 86_400_000;
const toDay = (iso: string): number =>
  Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY);
const fromDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

function weightedPick<T>(random: Random, items: readonly T[], weight: (t: T) => number): T {
  const total = items.reduce((s, t) => s + weight(t), 0);
  let u = random.nextFloat() * total;
  for (const t of items) {
    u -= weight(t);
    if (u < 0) return t;
  }
  return items[items.length - 1] as T;
}

/**
 * Generate the ledger: `plan.tasks` tasks, each serving one standard item (`indicatorId`, drawn
 * in proportion to the item's points) and of one of three kinds — led by a department (the
 * item's lead department) with one or two supporting departments; led by a region with the item's
 * department in support; or led by a department with two to four regions in support. Due dates
 * spread over `dueFrom`–`dueTo`; a task is completed at its due date plus a normal delay shifted
 * by its units' lag (lead in full, supporters at half weight); tasks not completed by `asOf` are
 * in progress, or not started when far behind. Every unit gets tasks. Same plan → same ledger.
 */
export function generateTaskLedger(plan: LedgerPlan, units: LedgerUnits): CreationTask[] {
  const random = createRandom(plan.seed);
  const departmentIds = units.departments.map((d) => d.id);
  const known = new Set(departmentIds);
  const departmentName = new Map(units.departments.map((d) => [d.id, d.name]));
  const lag = (kind: 'region' | 'department', id: string): number =>
    (kind === 'region' ? plan.lagDays.regions[id] : plan.lagDays.departments[id]) ?? 0;
  const from = toDay(plan.dueFrom);
  const span = toDay(plan.dueTo) - from;
  const asOf = toDay(plan.asOf);
  let nextSupport = 0;
  let nextRegion = 0;
  const supportDepartment = (exclude: ReadonlySet<string>): string => {
    for (;;) {
      const id = departmentIds[nextSupport++ % departmentIds.length] as string;
      if (!exclude.has(id)) return id;
    }
  };
  const tasks: CreationTask[] = [];
  for (let i = 0; i < plan.tasks; i++) {
    const item = weightedPick(random, units.items, (it) => it.points);
    const leads = (plan.itemLeads[item.id] ?? plan.defaultLeads).filter((d) => known.has(d));
    const leadDepartment = random.pick(leads.length > 0 ? leads : departmentIds);
    const u = random.nextFloat();
    const kind =
      u < plan.mix.departmentLed
        ? 'department'
        : u < plan.mix.departmentLed + plan.mix.regionLed
          ? 'region'
          : 'joint';
    const assignments: CreationTask['assignments'][number][] = [];
    let leadLag: number;
    const supportLags: number[] = [];
    let owner: string;
    if (kind === 'region') {
      // the first region-led tasks go round every region once, then regions are drawn by weight
      const region =
        nextRegion < units.regions.length
          ? (units.regions[nextRegion++] as LedgerUnits['regions'][number])
          : weightedPick(random, units.regions, (r) => plan.regionWeights[r.code] ?? 1);
      assignments.push({ kind: 'region', jurisdictionCode: region.code, role: 'lead' });
      assignments.push({ kind: 'department', departmentId: leadDepartment, role: 'support' });
      leadLag = lag('region', region.code);
      supportLags.push(lag('department', leadDepartment));
      owner = region.name;
    } else {
      assignments.push({ kind: 'department', departmentId: leadDepartment, role: 'lead' });
      leadLag = lag('department', leadDepartment);
      owner = departmentName.get(leadDepartment) ?? leadDepartment;
      if (kind === 'department') {
        const taken = new Set([leadDepartment]);
        const n = 1 + random.int(2);
        for (let k = 0; k < n; k++) {
          const id = supportDepartment(taken);
          taken.add(id);
          assignments.push({ kind: 'department', departmentId: id, role: 'support' });
          supportLags.push(lag('department', id));
        }
      } else {
        const regions = random.shuffle(units.regions).slice(0, 2 + random.int(3));
        for (const r of regions) {
          assignments.push({ kind: 'region', jurisdictionCode: r.code, role: 'support' });
          supportLags.push(lag('region', r.code));
        }
      }
    }
    const due = from + Math.floor(span * random.nextFloat() ** 0.7);
    const supportLag =
      supportLags.length === 0 ? 0 : supportLags.reduce((s, x) => s + x, 0) / supportLags.length;
    const delay = random.normal(plan.delay.meanDays + leadLag + supportLag / 2, plan.delay.sdDays);
    const done = Math.max(from - 10, due + Math.round(delay));
    const id = `T${String(i + 1).padStart(3, '0')}`;
    const base = {
      id,
      title: `${owner}：${item.title}`,
      indicatorId: item.id,
      assignments,
      dueOn: fromDay(due),
    };
    tasks.push(
      done <= asOf
        ? {
            ...base,
            status: 'completed',
            completedOn: fromDay(done),
            evidence: [
              { kind: 'document', ref: `ledger/${id}/acceptance`, capturedAt: fromDay(done) },
            ],
          }
        : { ...base, status: done - asOf > 45 ? 'not-started' : 'in-progress', evidence: [] },
    );
  }
  return tasks;
}

/**
 * The scoring engine's view of the model's tasks: assignments by region code or department id,
 * `not-started` as `pending`, and the items each task serves — its `indicatorId`, plus
 * `listItems` (the standard's items that score the task list as a whole, which every task serves).
 */
export function toScoringLedger(
  tasks: readonly CreationTask[],
  units: { readonly regions: readonly string[]; readonly departments: readonly string[] },
  listItems: readonly string[] = [],
): TaskLedger {
  const ledger = ledgerFromModelTasks(tasks, units);
  if (listItems.length === 0) return ledger;
  return {
    ...ledger,
    tasks: ledger.tasks.map((t) => ({
      ...t,
      items: [...new Set([...(t.items ?? []), ...listItems])],
    })),
  };
}
