import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from '../../src/review/csv.js';

describe('csv', () => {
  it('quotes every cell, doubles quotes and keeps line breaks inside the cell', () => {
    expect(csvRow(['a', 'say "hi"', 'two\nlines', null, 3])).toBe('"a","say ""hi""","two\nlines","","3"\r\n');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    for (const text of ['=HYPERLINK("http://evil")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(csvCell(text).startsWith(`"'`), JSON.stringify(text)).toBe(true);
    }
    expect(csvCell('Героин изъят = 2 кг')).toBe('"Героин изъят = 2 кг"');
  });
});
