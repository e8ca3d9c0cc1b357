/**
 * Makes a current Chromium look like the oldest browsers the site supports
 * (package.json's browserslist: Chromium 86, Firefox ESR 115, Safari 14):
 * the built-ins and Web APIs that one of them lacks are deleted before any
 * script of the site runs, in the page and in its workers. Syntax cannot be
 * taken away like this; es-check covers it (old-browsers.test.ts).
 *
 * Each entry: where the property lives, its name, and the first version that
 * has it (Chromium unless said otherwise). Element.prototype.checkVisibility
 * (Chromium 105) stays: Playwright itself calls it.
 */
const REMOVED: [owner: string, names: string[], since: string][] = [
  ['Array.prototype', ['at'], 'Chromium 92, Safari 15.4'],
  ['String.prototype', ['at'], 'Chromium 92, Safari 15.4'],
  ['%TypedArray%.prototype', ['at', 'findLast', 'findLastIndex', 'toSorted', 'toReversed', 'with'], 'Chromium 92–110'],
  ['Object', ['hasOwn'], 'Chromium 93, Safari 15.4'],
  ['Array.prototype', ['findLast', 'findLastIndex'], 'Chromium 97, Safari 15.4'],
  ['globalThis', ['structuredClone'], 'Chromium 98, Safari 15.4'],
  ['Array.prototype', ['toSorted', 'toReversed', 'toSpliced', 'with'], 'Chromium 110, Firefox 115 lacks toSpliced'],
  ['String.prototype', ['isWellFormed', 'toWellFormed'], 'Chromium 111'],
  ['Object', ['groupBy'], 'Chromium 117'],
  ['Map', ['groupBy'], 'Chromium 117'],
  ['Promise', ['withResolvers'], 'Chromium 119'],
  ['Array', ['fromAsync'], 'Chromium 121'],
  [
    'Set.prototype',
    ['union', 'intersection', 'difference', 'symmetricDifference', 'isSubsetOf', 'isSupersetOf', 'isDisjointFrom'],
    'Chromium 122',
  ],
  ['globalThis', ['Iterator'], 'Chromium 122 (iterator helpers)'],
  ['Intl', ['Segmenter'], 'Chromium 87, Firefox 125'],
  ['URL', ['canParse', 'parse'], 'Chromium 120'],
  ['URLSearchParams.prototype', ['size'], 'Chromium 113'],
  ['AbortSignal', ['timeout', 'any'], 'Chromium 103 / 116'],
  ['Response', ['json'], 'Chromium 105'],
  ['Blob.prototype', ['bytes'], 'Chromium 132'],
  ['ReadableStream.prototype', ['Symbol.asyncIterator'], 'Chromium 124'],
  ['globalThis', ['CompressionStream', 'DecompressionStream'], 'Safari 16.4'],
  ['globalThis', ['OffscreenCanvas'], 'Safari 16.4'],
  ['globalThis', ['createImageBitmap'], 'Safari 15'],
  ['globalThis', ['requestIdleCallback', 'cancelIdleCallback'], 'Safari: never'],
  ['globalThis', ['scheduler'], 'Chromium 94'],
  ['globalThis', ['showOpenFilePicker', 'showSaveFilePicker', 'showDirectoryPicker'], 'Chromium 86 only'],
  ['crypto', ['randomUUID'], 'Chromium 92, Safari 15.4'],
  ['Navigator.prototype', ['storage'], 'Safari 15.2 (StorageManager)'],
  ['Navigator.prototype', ['userActivation'], 'Safari 16.4'],
  ['HTMLElement.prototype', ['inert', 'showPopover', 'hidePopover', 'togglePopover'], 'Chromium 102 / 114'],
  ['HTMLInputElement.prototype', ['showPicker'], 'Chromium 99'],
  ['HTMLDialogElement.prototype', ['showModal', 'show'], 'Safari 15.4'],
  ['Document.prototype', ['startViewTransition'], 'Chromium 111'],
  ['globalThis', ['navigation'], 'Chromium 102'],
  ['Element.prototype', ['ariaBusy', 'ariaCurrent', 'ariaExpanded', 'ariaHidden', 'ariaLabel'], 'Firefox 119'],
];

/**
 * Script text that deletes them; runs in a window or a worker, before any other script. No eval (the site's CSP
 * forbids it): owners are property paths from the global object. Only the first run in a global deletes (a later
 * one would undo polyfills loaded in between); it sets `__oldBrowser`.
 */
export const REMOVE_NEWER_BUILTINS = `(() => {
  if (globalThis.__oldBrowser) return;
  const removed = ${JSON.stringify(REMOVED.map(([owner, names]) => [owner, names]))};
  const resolve = (path) => {
    if (path === 'globalThis') return globalThis;
    const [first, ...rest] = path.split('.');
    let at = first === '%TypedArray%' ? Object.getPrototypeOf(Int8Array) : globalThis[first];
    for (const step of rest) at = at == null ? undefined : at[step];
    return at;
  };
  for (const [owner, names] of removed) {
    const target = resolve(owner);
    if (!target) continue;
    for (const name of names) {
      const key = name.startsWith('Symbol.') ? Symbol[name.slice(7)] : name;
      for (let at = target; at && at !== Object.prototype; at = Object.getPrototypeOf(at)) {
        if (Object.prototype.hasOwnProperty.call(at, key)) {
          try { delete at[key]; } catch (e) {}
        }
      }
      if (key in target) {
        try { Object.defineProperty(target, key, { value: undefined, configurable: true, writable: true }); } catch (e) {}
      }
    }
  }
  globalThis.__oldBrowser = true;
})();
`;
