import { localTime, zonedInstant } from './zoned-time.ts';

/** A cron expression's expanded fields (as node-cron's `parse` returns them). */
export interface CronFields {
  minute: number[];
  hour: number[];
  dayOfMonth: Array<number | string>;
  month: number[];
  dayOfWeek: Array<number | string>;
}

const MAX_DAYS = 400;

type DayMatcher = (year: number, month: number, day: number, weekday: number) => boolean;

function dayMatcher(fields: CronFields): DayMatcher {
  const doms = new Set(fields.dayOfMonth.filter((d): d is number => typeof d === 'number'));
  const dows = new Set(
    fields.dayOfWeek.filter((d): d is number => typeof d === 'number').map((d) => d % 7),
  );
  const months = new Set(fields.month);
  const domAll = doms.size >= 31;
  const dowAll = dows.size >= 7;
  return (_y, month, day, weekday) => {
    if (!months.has(month)) return false;
    // Cron's rule: with both day fields restricted, either may match.
    if (!domAll && !dowAll) return doms.has(day) || dows.has(weekday);
    return doms.has(day) && dows.has(weekday);
  };
}

/** Local times of a day that the cron names, latest first, as instants that really exist. */
function firingsOn(fields: CronFields, timeZone: string, y: number, m: number, d: number): Date[] {
  const out: Date[] = [];
  for (const hour of fields.hour) {
    for (const minute of fields.minute) {
      const at = zonedInstant(timeZone, y, m, d, hour, minute);
      const back = localTime(at, timeZone);
      if (back.day === d && back.hour === hour && back.minute === minute) out.push(at);
    }
  }
  return out.sort((a, b) => a.getTime() - b.getTime());
}

function walkDays(
  from: Date,
  timeZone: string,
  step: 1 | -1,
  visit: (y: number, m: number, d: number, weekday: number) => Date | undefined,
): Date | undefined {
  const l = localTime(from, timeZone);
  for (let k = 0; k < MAX_DAYS; k++) {
    const day = new Date(Date.UTC(l.year, l.month - 1, l.day + step * k));
    const found = visit(
      day.getUTCFullYear(),
      day.getUTCMonth() + 1,
      day.getUTCDate(),
      day.getUTCDay(),
    );
    if (found) return found;
  }
  return undefined;
}

/** The latest firing of the cron strictly before `before`, in the zone. */
export function previousSlot(fields: CronFields, timeZone: string, before: Date): Date | undefined {
  const matches = dayMatcher(fields);
  return walkDays(before, timeZone, -1, (y, m, d, wd) => {
    if (!matches(y, m, d, wd)) return undefined;
    return firingsOn(fields, timeZone, y, m, d)
      .filter((t) => t.getTime() < before.getTime())
      .at(-1);
  });
}

/** The latest firing at or before `at` (the slot a run at `at` belongs to). */
export function currentSlot(fields: CronFields, timeZone: string, at: Date): Date | undefined {
  return previousSlot(fields, timeZone, new Date(at.getTime() + 1));
}

/** The first firing strictly after `after`. */
export function nextSlot(fields: CronFields, timeZone: string, after: Date): Date | undefined {
  const matches = dayMatcher(fields);
  return walkDays(after, timeZone, 1, (y, m, d, wd) => {
    if (!matches(y, m, d, wd)) return undefined;
    return firingsOn(fields, timeZone, y, m, d).find((t) => t.getTime() > after.getTime());
  });
}
