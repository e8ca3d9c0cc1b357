import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildReminderIcs } from '../ics';

const text = buildReminderIcs(
  [
    {
      uid: 'D01-23-m12-2026',
      summary: '述职（12月中旬）',
      description: '每年1次\n依据：《某校细则》一、1',
      start: '2026-12-11',
      end: '2026-12-20',
      url: 'https://example.edu.cn/docs/a/#s1-1',
    },
    {
      uid: 'U-abcd1234-m12-2026',
      summary: '每月学习（12月）',
      description: '本单位工作',
      start: '2026-12-01',
      end: '2026-12-31',
    },
  ],
  { name: '某支部', host: 'example.edu.cn', stamp: new Date(Date.UTC(2026, 11, 2)), alarmDays: 3 },
);

describe('buildReminderIcs, read back with ical.js', () => {
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));

  it('has one all-day event per occurrence over its window, with a stable UID', () => {
    expect(events.map((e) => [e.uid, e.startDate.toString(), e.endDate.toString(), e.startDate.isDate])).toEqual([
      ['D01-23-m12-2026@example.edu.cn', '2026-12-11', '2026-12-21', true],
      ['U-abcd1234-m12-2026@example.edu.cn', '2026-12-01', '2027-01-01', true],
    ]);
    expect(events[0]?.description).toBe('每年1次\n依据：《某校细则》一、1');
  });

  it('reminds the chosen number of days before each window ends', () => {
    for (const event of events) {
      const alarm = event.component.getFirstSubcomponent('valarm');
      expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
      const trigger = alarm?.getFirstProperty('trigger');
      expect(trigger?.getParameter('related')).toBe('END');
      expect(String(trigger?.getFirstValue())).toBe('-P3D');
    }
    expect(text).toMatch(/^TRIGGER;RELATED=END:-P3D\r$/m);
  });
});
