// How many terminal columns text takes: a CJK character two, an ASCII one, a combining mark or a
// control character none (Unicode's East Asian Width, from get-east-asian-width; ambiguous
// characters such as “ count one, as most terminals draw them). For aligning columns and keeping
// the help and the progress line within the terminal. (string-width, which adds emoji clusters on
// top, costs about 40 ms of start-up in its Intl.Segmenter and Unicode-set patterns; the text here
// has no emoji.)

import { eastAsianWidth } from 'get-east-asian-width';

/** ANSI colour codes (SGR) and the erase-line code the progress line uses. */
const ANSI = /\u001b\[[0-9;]*[mK]/g;
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}\p{Cc}]/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.includes('\u001b') ? text.replace(ANSI, '') : text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x7f ? code >= 0x20 : !ZERO_WIDTH.test(ch)) width += code < 0x7f ? 1 : eastAsianWidth(code);
  }
  return width;
}
