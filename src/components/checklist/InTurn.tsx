/**
 * Renders a long page in steps: each <InTurn> shows its children in a task of
 * its own, after every <InTurn> mounted before it. The first screen is
 * interactive at once and no single task blocks the page for long.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

let queue: Promise<void> = Promise.resolve();

/** Runs `step` in a fresh task once the steps queued before it have run; the returned function cancels it. */
function inTurn(step: () => void): () => void {
  let cancelled = false;
  queue = queue.then(
    () =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          if (!cancelled) step();
          resolve();
        }),
      ),
  );
  return () => {
    cancelled = true;
  };
}

export function InTurn({ children }: { children: ComponentChildren }) {
  const [shown, setShown] = useState(false);
  useEffect(() => inTurn(() => setShown(true)), []);
  return shown ? <>{children}</> : null;
}
