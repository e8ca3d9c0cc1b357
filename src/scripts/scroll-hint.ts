/**
 * A "左右滑动" hint belongs to a scroll box that is wider than the screen. The
 * hint is in the page from the start (so nothing shifts); where the box fits,
 * it is hidden but keeps its line.
 */
const boxes = [...document.querySelectorAll<HTMLElement>('[aria-describedby]')].flatMap((box) => {
  const hint = document.getElementById(box.getAttribute('aria-describedby') ?? '');
  return hint?.classList.contains('scroll-hint') ? [{ box, hint }] : [];
});

function update() {
  for (const { box, hint } of boxes) hint.classList.toggle('is-idle', box.scrollWidth <= box.clientWidth);
}

if (boxes.length > 0) {
  update();
  window.addEventListener('resize', update, { passive: true });
}
