/** A view whose code loads only when it is first shown (dynamic import), with a status line meanwhile. */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let view: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  return function Lazy(props: P) {
    // A flag, not the component: useState would call a function given to it as an initialiser.
    const [, setShown] = useState(view !== null);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (view) return;
      if (!loading) loading = load();
      loading.then(
        (loaded) => {
          view = loaded;
          setShown(true);
        },
        () => {
          loading = null;
          setFailed(true);
        },
      );
    }, []);
    if (view) {
      const View = view;
      return <View {...props} />;
    }
    return (
      <p role="status" class="hint">
        {failed ? '未能载入这部分页面（可能已离线），请联网后刷新。' : '正在载入……'}
      </p>
    );
  };
}
