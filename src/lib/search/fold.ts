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

/** Folds text unit by unit; the result has exactly the input's length. */
export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) out += foldChar(text[i] as string);
  return out;
}
