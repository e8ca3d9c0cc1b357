/**
 * The current month, by the reader's own date (the page is built once and read on any day): its entry
 * in the month list is marked aria-current="date" and 本月, and while the page is this year's its
 * section comes first, going back to its place in the year for printing. In another year the page
 * says which year its dates are for (lunar festivals move from year to year).
 */
const note = document.querySelector<HTMLElement>('#calendar-year-note');
const calendar = document.querySelector<HTMLElement>('.calendar');
const pageYear = Number(note?.dataset.year);
const today = new Date();

if (note && calendar && today.getFullYear() === pageYear) {
  const id = `m${today.getMonth() + 1}`;
  const link = document.querySelector<HTMLAnchorElement>(`.month-nav a[data-month="${id}"]`);
  const heading = document.getElementById(id);
  const section = heading?.closest('section');
  if (link && heading && section) {
    link.setAttribute('aria-current', 'date');
    const badge = () => Object.assign(document.createElement('span'), { className: 'this-month', textContent: '本月' });
    link.append(' ', badge());
    heading.append(' ', badge());
    const place = section.nextElementSibling;
    const first = () => calendar.prepend(section);
    first();
    // Printed, the year is in its order (print media, so also a print preview or an emulated print).
    const print = window.matchMedia('print');
    const follow = () => (print.matches ? place?.before(section) : first());
    print.addEventListener('change', follow);
    window.addEventListener('beforeprint', () => place?.before(section));
    window.addEventListener('afterprint', follow);
  }
} else if (note && pageYear) {
  note.textContent = `本页的日期按${pageYear}年排列；今天是${today.getFullYear()}年，按农历的节日日期与本页不同。`;
  note.hidden = false;
}
