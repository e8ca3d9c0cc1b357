/**
 * The height an entry of the self-check keeps while it is off screen and not
 * laid out (content-visibility: auto): never less than the entry itself on a
 * 320 px screen, so entries that are skipped never overlap. Once shown, the
 * real height is remembered (the `auto` keyword).
 */
/** Characters a line holds in an entry on a 320 px screen (15 full-width ones fit), with room to spare. */
const CHARS_PER_LINE = 12;
/** One line of body text (1.0625 rem × 1.85), rounded up, in rem. */
const LINE = 2.1;

/** `lines`: the texts that wrap, each starting on a line of its own; `extra`: controls and spacing, in rem. */
export const offscreenHeight = (lines: string[], extra: number) =>
  `auto ${(lines.reduce((sum, text) => sum + LINE * Math.max(1, Math.ceil(text.length / CHARS_PER_LINE)), 0) + extra).toFixed(1)}rem`;
