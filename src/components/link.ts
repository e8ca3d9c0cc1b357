import { withBase } from '../lib/url';

/** A site path with the configured base path in front. */
export const href = (path: string) => withBase(import.meta.env.BASE_URL, path);
