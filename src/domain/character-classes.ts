const NOT_YET = -(2 ** 31);

/**
 * A class (an integer) per character, for reading texts character by character where a regular-expression test per
 * character would cost more than the rest of the work. Each BMP character is classified the first time it turns up
 * and kept in a fixed table (256 KB); characters beyond the BMP are rare in text and classified every time.
 */
export class CharacterClasses {
  private readonly bmp = new Int32Array(0x10000).fill(NOT_YET);

  /** `classify` gets one character (one code point) and must not return -2^31. */
  constructor(private readonly classify: (char: string) => number) {}

  /** Calls `visit` for each character (by code point, a lone surrogate by itself) with its class and offset. */
  forEach(text: string, visit: (characterClass: number, codePoint: number, index: number) => void): void {
    for (let i = 0; i < text.length; i++) {
      const codePoint = text.codePointAt(i)!;
      if (codePoint > 0xffff) {
        visit(this.classify(String.fromCodePoint(codePoint)), codePoint, i);
        i++;
      } else {
        if (this.bmp[codePoint] === NOT_YET) this.bmp[codePoint] = this.classify(text[i]!);
        visit(this.bmp[codePoint]!, codePoint, i);
      }
    }
  }
}
