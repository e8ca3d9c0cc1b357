/**
 * Registers the service worker (dist/sw.js, written by the build) so that the
 * site keeps working without a network after one visit. Not in development.
 */
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => {
      // Without a worker the site works as before, only not offline.
    });
  });
}
