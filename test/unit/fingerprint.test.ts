import { describe, expect, it } from 'vitest';
import {
  contentHash,
  hammingDistance,
  isNearDuplicate,
  normalizeForFingerprint,
  simhash64,
  simhashBands,
} from '../../src/domain/fingerprint.js';

const releaseBody = `Officers of the Department for Combating Drug Crime of the Almaty Region Police held a week-long
preventive campaign in colleges of Konaev and Talgar. Students met police officers, narcologists and psychologists, who
explained how drug shops recruit teenagers as couriers through messengers and job advertisements that promise easy money
for delivering small parcels. The speakers described the criminal liability for storing and selling narcotics, which for
large amounts reaches life imprisonment, and showed real cases in which young couriers received long prison sentences
after their first delivery. Special attention was paid to synthetic drugs: mephedrone and alpha-PVP cause addiction after
a few uses and damage the nervous system and the heart. The students watched a short film prepared by the regional police
and took part in a quiz about healthy lifestyles, and the winners received sports equipment from the akimat. The campaign
will continue in schools of the region until the end of the month, and officers ask parents to talk with their children
about suspicious offers of part-time work and to report drug advertisements on walls to the police hotline 102.`;

const originalRelease = `The police of Almaty region keep warning young people about drugs. ${releaseBody}
Press service of the Almaty Region Police Department.`;

const repostedRelease = `As our correspondent learned, another anti-drug campaign has been held near Almaty. ${releaseBody}
Subscribe to our Telegram channel to be the first to read regional news. All rights reserved.`;

const firstSeizure = `Сотрудники отдела по борьбе с наркотиками УВД города Душанбе 14 марта задержали 34-летнего жителя
района Сино. При личном досмотре у мужчины обнаружили и изъяли 1 килограмм 240 граммов героина, упакованного в
полиэтиленовые свёртки. Задержанный пояснил, что приобрёл наркотик у неизвестного лица в Хатлонской области с целью
дальнейшего сбыта в столице. Возбуждено уголовное дело по статье 200 Уголовного кодекса Республики Таджикистан. Ведутся
оперативно-розыскные мероприятия по установлению каналов поставки.`;

const secondSeizure = `В Душанбе 14 марта оперативники Агентства по контролю за наркотиками остановили автомобиль «Опель»,
которым управлял 27-летний житель района Шохмансур. В ходе осмотра машины в тайнике под задним сиденьем нашли 3 килограмма
780 граммов героина. Вместе с водителем задержан его пассажир, уроженец Рашта. По предварительным данным, партия
предназначалась для переправки в Кыргызстан. Возбуждено уголовное дело, задержанные помещены в изолятор временного
содержания.`;

describe('normalizeForFingerprint', () => {
  it('ignores case, punctuation, spacing, ё and apostrophe variants', () => {
    expect(normalizeForFingerprint('  «Ёлка»  —  O‘zbekiston,\n IIV-da!  ')).toBe("елка o'zbekiston iiv da");
  });

  it('keeps digits, because amounts tell different seizures apart', () => {
    expect(normalizeForFingerprint('1,5 кг')).toBe('1 5 кг');
  });
});

describe('contentHash', () => {
  it('is equal for copies that differ only in formatting', () => {
    expect(contentHash('MVD:  NEW raid', 'Heroin — 2 kg.')).toBe(contentHash('mvd new raid', 'heroin 2 kg'));
  });

  it('differs when a number changes', () => {
    expect(contentHash('Raid', 'Heroin 2 kg')).not.toBe(contentHash('Raid', 'Heroin 3 kg'));
  });

  it('keeps title and body apart', () => {
    expect(contentHash('a b', 'c')).not.toBe(contentHash('a', 'b c'));
  });

  it('is a sha256 hex digest', () => {
    expect(contentHash('t', 'b')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('simhash64', () => {
  it('is a 64-bit value, stable across calls and formatting', () => {
    const hash = simhash64(originalRelease);
    expect(hash).toBe(simhash64(originalRelease.toUpperCase().replaceAll('.', ' . ')));
    expect(hash >= 0n && hash < 1n << 64n).toBe(true);
  });

  it('is 0 for a text without words', () => {
    expect(simhash64(' … ')).toBe(0n);
  });

  it('fingerprints texts shorter than one shingle', () => {
    expect(simhash64('героин')).not.toBe(simhash64('гашиш'));
  });
});

/** The textbook definitions, in BigInt: the fast simhash must match them bit for bit, or stored fingerprints drift. */
function referenceFnv1a64(text: string): bigint {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash;
}

function referenceSimhash64(text: string): bigint {
  const normalized = normalizeForFingerprint(text);
  const words = normalized === '' ? [] : normalized.split(' ');
  const shingles = new Set(
    words.length <= 3
      ? [words.join(' ')].filter(() => words.length > 0)
      : words.slice(2).map((_, i) => words.slice(i, i + 3).join(' ')),
  );
  const votes = new Array<number>(64).fill(0);
  for (const shingle of shingles) {
    const hash = referenceFnv1a64(shingle);
    for (let bit = 0; bit < 64; bit++) votes[bit]! += (hash >> BigInt(bit)) & 1n ? 1 : -1;
  }
  return votes.reduceRight((fingerprint, vote) => (fingerprint << 1n) | (vote > 0 ? 1n : 0n), 0n);
}

/** Deterministic texts mixing the region's alphabets, apostrophes, emoji, astral letters and stray surrogates. */
function mixedTexts(count: number): string[] {
  const pieces = [
    ...'abcxyzçşğıİöüəñ',
    ...'абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
    ...'әғқңөұүһіӣӯҳҷўҝјҹ',
    ...'ΣσςΑ',
    ...'0123456789',
    "o'",
    'oʻ',
    'gʼ',
    '’',
    '`',
    'e\u0301',
    '😀',
    '👍🏽',
    '𐐀',
    '𐌰',
    '𠀀',
    '\ud800',
    '\udc00',
    'https://t.me/x ',
    '.',
    ',',
    '-',
    '«',
    ' ',
    ' ',
    ' ',
    '\n',
  ];
  let seed = 20_240_601;
  const random = (): number => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return seed / 2 ** 32;
  };
  return Array.from({ length: count }, () =>
    Array.from(
      { length: 1 + Math.floor(random() * 120) },
      () => pieces[Math.floor(random() * pieces.length)],
    ).join(''),
  );
}

describe('simhash64 against the BigInt definition', () => {
  it('the reference is FNV-1a 64', () => {
    expect(referenceFnv1a64('')).toBe(0xcbf29ce484222325n);
    expect(referenceFnv1a64('a')).toBe(0xaf63dc4c8601ec8cn);
    expect(referenceFnv1a64('foobar')).toBe(0x85944171f73967e8n);
  });

  it('is the FNV-1a hash itself for a text of one shingle, in any script', () => {
    for (const text of ['foobar', 'героин изъят', 'oʻzbekiston gʻalaba', 'Қарағанды', '𐐀𐐁 𠀀', 'ΣΟΦΙΑΣ']) {
      expect(simhash64(text)).toBe(referenceFnv1a64(normalizeForFingerprint(text)));
    }
  });

  it('matches bit for bit on thousands of mixed texts', () => {
    const texts = [...mixedTexts(2000), originalRelease, repostedRelease, firstSeizure, secondSeizure];
    for (const text of texts) expect(simhash64(text), text).toBe(referenceSimhash64(text));
  });
});

describe('hammingDistance', () => {
  it('counts differing bits over all 64 bits', () => {
    expect(hammingDistance(0n, 0n)).toBe(0);
    expect(hammingDistance(0b1011n, 0b0001n)).toBe(2);
    expect(hammingDistance(0n, (1n << 64n) - 1n)).toBe(64);
  });
});

describe('simhashBands', () => {
  it('cuts the fingerprint into 8-bit bands, lowest bits first', () => {
    expect(simhashBands(0x0102030405060708n)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('cuts into 16-bit bands on request', () => {
    expect(simhashBands(0xffff000000010002n, 4)).toEqual([2, 1, 0, 0xffff]);
  });

  it('rejects a band count that does not divide 64', () => {
    expect(() => simhashBands(1n, 5)).toThrow(RangeError);
  });

  it('lets two fingerprints 7 bits apart share a band', () => {
    const a = 0x0123456789abcdefn;
    const b = a ^ 0x0101010101010100n;
    const shared = simhashBands(a).filter((band, i) => band === simhashBands(b)[i]);
    expect(shared.length).toBeGreaterThan(0);
  });
});

describe('isNearDuplicate', () => {
  it('finds a release reposted with another lead sentence and another site footer', () => {
    expect(isNearDuplicate(simhash64(originalRelease), simhash64(repostedRelease))).toBe(true);
  });

  it('keeps apart two heroin seizures in one city on one day', () => {
    const distance = hammingDistance(simhash64(firstSeizure), simhash64(secondSeizure));
    expect(distance).toBeGreaterThan(12);
    expect(isNearDuplicate(simhash64(firstSeizure), simhash64(secondSeizure))).toBe(false);
  });

  it('honours an explicit threshold', () => {
    expect(isNearDuplicate(0b111n, 0n, 2)).toBe(false);
    expect(isNearDuplicate(0b111n, 0n, 3)).toBe(true);
  });
});
