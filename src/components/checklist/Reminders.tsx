/** 日历提醒: my open duties of the year as an .ics file with a reminder a chosen number of days before each window ends. */
import { useState } from 'preact/hooks';
import type { PlannedDuty } from '../../lib/checklist/plan';
import { download } from './browser';

interface Props {
  planned: () => PlannedDuty[];
  year: number;
  today: string;
  unit: string;
}

export function Reminders({ planned, year, today, unit }: Props) {
  const [days, setDays] = useState(3);
  const [message, setMessage] = useState<string | null>(null);
  const make = async () => {
    const [{ buildReminderIcs }, { reminderEvents }] = await Promise.all([
      import('../../lib/obligations/ics'),
      import('../../lib/checklist/reminders'),
    ]);
    const site = new URL(import.meta.env.BASE_URL, window.location.href).href;
    const events = reminderEvents(planned(), year, today, site);
    if (events.length === 0) {
      setMessage(`${year} 年度没有尚未完成、有期限的工作，不需要日历提醒。`);
      return;
    }
    const ics = buildReminderIcs(events, {
      name: `${unit || '我的'}意识形态工作（${year}年）`,
      host: window.location.hostname || 'localhost',
      stamp: new Date(),
      alarmDays: days,
    });
    download(`我的责任制工作-${year}.ics`, ics, 'text/calendar;charset=utf-8');
    setMessage(`已生成 ${events.length} 项工作的日历，每项在期限结束前 ${days} 天提醒。`);
  };
  return (
    <form
      class="reminders"
      aria-labelledby="reminders-title"
      onSubmit={(event) => {
        event.preventDefault();
        void make();
      }}
    >
      <h3 id="reminders-title">日历提醒</h3>
      <p class="hint">把本年度尚未完成、有期限的工作（只含所选角色）导出为日历文件，可导入手机或电脑的日历。</p>
      <p>
        <label>
          期限结束前几天提醒
          <input
            type="number"
            min={0}
            max={60}
            value={days}
            onInput={(e) => setDays(Math.max(0, Math.min(60, Number((e.target as HTMLInputElement).value) || 0)))}
          />
        </label>{' '}
        <button type="submit">下载我的日历（.ics）</button>
      </p>
      <p role="status" class="tool-status">
        {message}
      </p>
    </form>
  );
}
