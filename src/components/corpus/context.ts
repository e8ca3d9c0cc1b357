import type { Erratum } from '../../schemas/document';
import type { DocBlock } from '../../lib/corpus/model';

/**
 * What the corpus components need to know about the document being rendered.
 * MDX components cannot receive page props, so the document page puts this on
 * Astro.locals before rendering the body.
 */
export interface DocumentContext {
  blocks: Map<string, DocBlock>;
  errata: Map<string, Erratum>;
}

export function documentContext(locals: App.Locals): DocumentContext {
  if (!locals.document) throw new Error('corpus components must be rendered by the document page');
  return locals.document;
}
