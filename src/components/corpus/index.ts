import Attr from './Attr.astro';
import Cl from './Cl.astro';
import Cut from './Cut.astro';
import Fix from './Fix.astro';
import Gap from './Gap.astro';
import RowTools from './RowTools.astro';
import Sec from './Sec.astro';
import Sign from './Sign.astro';

/** The MDX vocabulary of content/docs (see content/AUTHORING.md). */
export const corpusComponents = { Attr, Cl, Cut, Fix, Gap, RowTools, Sec, Sign };
