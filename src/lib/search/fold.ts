/**
 * Folding for search: one UTF-16 unit in, one out, so that a position in the
 * folded text is the same position in the displayed text (highlighting needs
 * no offset map). Width, case and numerals are folded (2/二/两 are one
 * numeral); every character that is not a letter or a digit becomes a space,
 * which is also what separates query terms.
 */
const NUMERALS: Record<string, string> = {
  '0': '〇',
  '1': '一',
  '2': '二',
  '3': '三',
  '4': '四',
  '5': '五',
  '6': '六',
  '7': '七',
  '8': '八',
  '9': '九',
  零: '〇',
  两: '二',
};
const WORD = /[\p{L}\p{N}]/u;

export const SEPARATOR = ' ';

const cache = new Map<string, string>();

export function foldChar(unit: string): string {
  let folded = cache.get(unit);
  if (folded !== undefined) return folded;
  const nfkc = unit.normalize('NFKC').toLowerCase();
  const single = nfkc.length === 1 ? nfkc : unit;
  folded = NUMERALS[single] ?? (WORD.test(single) ? single : SEPARATOR);
  cache.set(unit, folded);
  return folded;
}

/**
 * The units that may fold to something else: all but lower-case ASCII letters and
 * CJK ideographs, which fold to themselves (except the numerals 零 and 两). Matching
 * by unit (no u flag), so a surrogate is folded on its own, as foldChar expects.
 */
const MAY_FOLD = /[^a-z\u4e00-\u9fff]|[零两]/g;

/** Folds text unit by unit; the result has exactly the input's length. */
export const foldText = (text: string): string => text.replace(MAY_FOLD, foldChar);
