/**
 * The canonical form used to compare a published text with its source:
 * punctuation width, quote style and whitespace are not significant.
 * NFKC folds full-width ASCII punctuation (，：（）) to its half-width form;
 * curly and straight quotes fold to one quote of each kind.
 */
const DOUBLE_QUOTES = /["“”＂]/g;
const SINGLE_QUOTES = /['‘’]/g;
const WHITESPACE = /\s/u;

export interface CanonicalText {
  text: string;
  /** For each character of `text`, the index in the input it came from. */
  origin: number[];
}

function canonicalPiece(char: string): string {
  return char.normalize('NFKC').replace(DOUBLE_QUOTES, '"').replace(SINGLE_QUOTES, "'");
}

export function canonicalize(input: string): CanonicalText {
  let text = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of input) {
    for (const out of canonicalPiece(char)) {
      if (!WHITESPACE.test(out)) {
        text += out;
        origin.push(index);
      }
    }
    index += char.length;
  }
  return { text, origin };
}

export function canonicalText(input: string): string {
  return canonicalize(input).text;
}
