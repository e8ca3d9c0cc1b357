import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { obligationsFileSchema } from '../schemas/obligationsFile';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(z.toJSONSchema(obligationsFileSchema, { io: 'output' }), null, 1), {
    headers: { 'Content-Type': 'application/schema+json' },
  });
