import { describe, expect, it } from 'vitest';
import { dutyStatus, localToday, slotStatus } from '../status';

const slot = (start: string | null, end: string | null) => ({ key: 'k', label: 'l', start, end });

describe('slotStatus', () => {
  const march = slot('2026-03-11', '2026-03-20');

  it('is done whenever a date is recorded', () => {
    expect(slotStatus(march, '2026-01-02', '2026-12-31')).toBe('done');
  });

  it('is not yet due before the window, unless its end is within 14 days', () => {
    expect(slotStatus(march, null, '2026-02-20')).toBe('not-yet');
    expect(slotStatus(march, null, '2026-03-06')).toBe('due-soon');
  });

  it('is due soon inside the window within 14 days of its end, open before that', () => {
    const year = slot('2026-01-01', '2026-12-31');
    expect(slotStatus(year, null, '2026-06-01')).toBe('open');
    expect(slotStatus(year, null, '2026-12-16')).toBe('open');
    expect(slotStatus(year, null, '2026-12-17')).toBe('due-soon');
    expect(slotStatus(year, null, '2026-12-31')).toBe('due-soon');
  });

  it('is overdue from the day after the window', () => {
    expect(slotStatus(march, null, '2026-03-20')).toBe('due-soon');
    expect(slotStatus(march, null, '2026-03-21')).toBe('overdue');
  });

  it('crosses the year boundary (autumn semester) and leap days', () => {
    const autumn = slot('2026-08-01', '2027-01-31');
    expect(slotStatus(autumn, null, '2026-12-31')).toBe('open');
    expect(slotStatus(autumn, null, '2027-01-20')).toBe('due-soon');
    expect(slotStatus(autumn, null, '2027-02-01')).toBe('overdue');
    const leap = slot('2028-02-21', '2028-02-29');
    expect(slotStatus(leap, null, '2028-02-29')).toBe('due-soon');
    expect(slotStatus(leap, null, '2028-03-01')).toBe('overdue');
  });

  it('never makes an undated slot overdue', () => {
    expect(slotStatus(slot(null, null), null, '2099-12-31')).toBe('undated');
  });
});

describe('dutyStatus', () => {
  it('summarises the slots', () => {
    expect(dutyStatus(['done', 'done'])).toBe('done');
    expect(dutyStatus(['done', 'not-yet'])).toBe('in-progress');
    expect(dutyStatus(['done', 'overdue'])).toBe('overdue');
    expect(dutyStatus(['not-yet', 'due-soon'])).toBe('due-soon');
    expect(dutyStatus(['not-yet', 'open'])).toBe('open');
    expect(dutyStatus(['undated'])).toBe('undated');
  });
});

describe('local dates', () => {
  it('reads today in local time, not UTC', () => {
    // 23:30 local on 31 December is still 31 December whatever the UTC date is.
    expect(localToday(new Date(2026, 11, 31, 23, 30))).toBe('2026-12-31');
    expect(localToday(new Date(2027, 0, 1, 0, 10))).toBe('2027-01-01');
  });

  it('uses the local time zone: in Beijing, 16:30 UTC on 31 December is already 1 January', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      expect(localToday(new Date(Date.UTC(2026, 11, 31, 16, 30)))).toBe('2027-01-01');
    } finally {
      process.env.TZ = saved;
    }
  });
});
