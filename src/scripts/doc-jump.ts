/**
 * The 目录 / 回到顶部 control of narrow screens: shown once the 目录 has
 * scrolled off the top (before that the 目录 is on screen or just below), and
 * following 目录 opens it. It is in the page's flow (sticky), so showing it
 * moves nothing. A scroll listener rather than an IntersectionObserver: a jump
 * from above the 目录 to far below it never intersects, so an observer would
 * not report it.
 */
const jump = document.querySelector<HTMLElement>('.doc-jump');
const contents = document.getElementById('toc');
const openContents = () => {
  const details = contents?.querySelector('details');
  if (details) details.open = true;
};

if (jump && contents) {
  let pending = false;
  const update = () => {
    pending = false;
    jump.classList.toggle('is-shown', contents.getBoundingClientRect().bottom < 0);
  };
  window.addEventListener(
    'scroll',
    () => {
      if (!pending) window.requestAnimationFrame(update);
      pending = true;
    },
    { passive: true },
  );
  update();
  jump.querySelector('a[href="#toc"]')?.addEventListener('click', openContents);
}
if (window.location.hash === '#toc') openContents();
