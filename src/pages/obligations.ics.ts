import type { APIRoute } from 'astro';
import { icsResponse } from '../data/calendar';
import { getObligationData } from '../data/obligations';

export const GET: APIRoute = async ({ site }) =>
  icsResponse((await getObligationData()).obligations, site, '责任制手册：定期工作');
