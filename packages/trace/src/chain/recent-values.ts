/**
 * The last four values looked up and the numbers they gave, in a small ring: the events of a
 * stream repeat a few places, bizSteps and dispositions, and four comparisons are cheaper than
 * a table lookup (which hashes the value) for each. Internal to the chain module.
 */
export class RecentValues {
  // four named entries, not arrays: no bounds checks in the hot path; -1: an empty entry
  private value0: unknown;
  private value1: unknown;
  private value2: unknown;
  private value3: unknown;
  private number0 = -1;
  private number1 = -1;
  private number2 = -1;
  private number3 = -1;
  private next = 0;

  /** The number kept for `value` (compared with `===`), or -1. */
  find(value: unknown): number {
    if (this.number0 >= 0 && value === this.value0) return this.number0;
    if (this.number1 >= 0 && value === this.value1) return this.number1;
    if (this.number2 >= 0 && value === this.value2) return this.number2;
    if (this.number3 >= 0 && value === this.value3) return this.number3;
    return -1;
  }

  /** Keep `number` (≥ 0) for `value`, in place of the entry kept longest. */
  keep(value: unknown, number: number): void {
    switch (this.next) {
      case 0:
        this.value0 = value;
        this.number0 = number;
        break;
      case 1:
        this.value1 = value;
        this.number1 = number;
        break;
      case 2:
        this.value2 = value;
        this.number2 = number;
        break;
      default:
        this.value3 = value;
        this.number3 = number;
    }
    this.next = (this.next + 1) & 3;
  }
}
