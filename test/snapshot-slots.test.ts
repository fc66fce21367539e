import { describe, expect, it } from 'vitest';
import { currentSlot, nextSlot, previousSlot } from '../src/domain/snapshot-slots.ts';
import { isoWeek } from '../src/domain/zoned-time.ts';
import { cronFields } from '../src/scheduling/cron-fields.ts';

const WEDNESDAY_10 = cronFields('0 10 * * 3');
const at = (iso: string) => new Date(iso);

describe('snapshot slots in the client zone, across daylight-saving changes', () => {
  it.each([
    // New York leaves DST on Sun 2026-11-01: 10:00 EDT = 14:00Z, then 10:00 EST = 15:00Z.
    [
      'America/New_York',
      '2026-11-04T16:00:00Z',
      '2026-11-04T15:00:00.000Z',
      '2026-10-28T14:00:00.000Z',
    ],
    // New York enters DST on Sun 2026-03-08.
    [
      'America/New_York',
      '2026-03-11T15:00:00Z',
      '2026-03-11T14:00:00.000Z',
      '2026-03-04T15:00:00.000Z',
    ],
    // Berlin leaves DST on Sun 2026-10-25: 10:00 CEST = 08:00Z, then 10:00 CET = 09:00Z.
    [
      'Europe/Berlin',
      '2026-10-28T12:00:00Z',
      '2026-10-28T09:00:00.000Z',
      '2026-10-21T08:00:00.000Z',
    ],
    // Berlin enters DST on Sun 2026-03-29.
    [
      'Europe/Berlin',
      '2026-04-01T12:00:00Z',
      '2026-04-01T08:00:00.000Z',
      '2026-03-25T09:00:00.000Z',
    ],
  ])('%s at %s: slot %s, previous %s', (zone, now, slot, previous) => {
    const current = currentSlot(WEDNESDAY_10, zone, at(now))!;
    expect(current.toISOString()).toBe(slot);
    expect(previousSlot(WEDNESDAY_10, zone, current)?.toISOString()).toBe(previous);
    expect(nextSlot(WEDNESDAY_10, zone, previousSlot(WEDNESDAY_10, zone, current)!)).toEqual(
      current,
    );
  });

  it('counts an instant exactly at 10:00 as that slot, and 09:59 as the week before', () => {
    const zone = 'America/New_York';
    expect(currentSlot(WEDNESDAY_10, zone, at('2026-11-25T15:00:00Z'))?.toISOString()).toBe(
      '2026-11-25T15:00:00.000Z',
    );
    expect(currentSlot(WEDNESDAY_10, zone, at('2026-11-25T14:59:00Z'))?.toISOString()).toBe(
      '2026-11-18T15:00:00.000Z',
    );
  });

  it('names ISO weeks by the local date, including year ends', () => {
    expect(isoWeek(at('2026-11-25T15:00:00Z'), 'America/New_York')).toBe('2026-W48');
    // Monday 00:30 in Berlin is still Sunday in New York.
    expect(isoWeek(at('2026-11-22T23:30:00Z'), 'Europe/Berlin')).toBe('2026-W48');
    expect(isoWeek(at('2026-11-22T23:30:00Z'), 'America/New_York')).toBe('2026-W47');
    expect(isoWeek(at('2026-12-31T12:00:00Z'), 'UTC')).toBe('2026-W53');
    expect(isoWeek(at('2027-01-04T12:00:00Z'), 'UTC')).toBe('2027-W01');
  });
});
