/** Arrow-key movement between a search field and the links of its results. */
export function moveFocus(event: KeyboardEvent, container: HTMLElement | null, input: HTMLInputElement | null) {
  if (!container || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
  const links = [...container.querySelectorAll<HTMLAnchorElement>('a[href]')];
  if (links.length === 0) return;
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  event.preventDefault();
  if (event.key === 'ArrowDown') (links[Math.min(at + 1, links.length - 1)] as HTMLAnchorElement).focus();
  else if (at <= 0) input?.focus();
  else (links[at - 1] as HTMLAnchorElement).focus();
}

/** True when a key press belongs to a field the user is typing in. */
export function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}
