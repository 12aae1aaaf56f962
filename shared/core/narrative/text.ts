import { formatWan } from '../money';
import type { ChangePhrase } from '../yoy';

/**
 * A template tag that writes a sentence in one of the publication's two styles. The 编制说明 puts a
 * space between Chinese and a number (“收入预算 875.96 万元”); 其他相关情况说明 does not
 * (“预算数为2.99万元”). Spaces go only where a value meets the text around it, so a free text
 * interpolated as a value is never respaced inside.
 */
export type TextStyle = (strings: TemplateStringsArray, ...values: (string | number)[]) => string;

const HAN = /\p{Script=Han}/u;
const LATIN = /[0-9A-Za-z.%-]/;

function needsSpace(before: string, after: string): boolean {
  return (HAN.test(before) && LATIN.test(after)) || (LATIN.test(before) && HAN.test(after));
}

function textStyle(spaced: boolean): TextStyle {
  return (strings, ...values) => {
    let out = strings[0];
    values.forEach((value, i) => {
      for (const piece of [String(value), strings[i + 1]]) {
        if (piece === '') continue;
        out += spaced && out !== '' && needsSpace(out.at(-1)!, piece[0]) ? ` ${piece}` : piece;
      }
    });
    return out;
  };
}

export const SPACED = textStyle(true);
export const PLAIN = textStyle(false);

/** The one renderer of a change: “比 2023 年预算增加 65.41 万元” / “与上年预算持平”. */
export function renderChange(style: TextStyle, phrase: ChangePhrase, against: string): string {
  return phrase.direction === '持平' ? style`与${against}持平` : style`比${against}${phrase.direction}${formatWan(phrase.amount)}万元`;
}
