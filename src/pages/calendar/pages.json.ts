/**
 * Which page of the calendar holds each document ({ "<slug>": 2 }): fetched by a calendar page opened
 * with ?doc= for a document it does not hold, to go to the page that does.
 */
import type { APIRoute } from 'astro';
import { getCalendarPages } from '../../data/calendarPages';

export const GET: APIRoute = async () => {
  const { pages, pageOf } = await getCalendarPages();
  const slugs = pages.flat().map((slice) => slice.group.key);
  return new Response(JSON.stringify(Object.fromEntries(slugs.map((slug) => [slug, pageOf(slug)]))), {
    headers: { 'Content-Type': 'application/json' },
  });
};
