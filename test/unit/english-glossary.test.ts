import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDrugGlossary } from '../../src/config/drug-glossary.js';
import { GlossaryFileError, loadEnglishGlossary } from '../../src/config/english-glossary.js';
import { drugGlossaryItems } from '../../src/domain/english/drug-entries.js';
import { classifyEvent } from '../../src/domain/english/event-type.js';
import { classifiedEventTypes, extendGlossary } from '../../src/domain/english/glossary.js';
import { findGlossaryHits } from '../../src/domain/english/glossary-hits.js';
import { inlineEnglishTerms, protectTerms, restoreTerms } from '../../src/domain/english/protect-terms.js';
import type { Language } from '../../src/domain/types.js';

const glossary = loadEnglishGlossary();

const hitsOf = (text: string, lang: Language) =>
  findGlossaryHits(text, lang, glossary).map((hit) => [hit.text, hit.english] as const);

describe('loading the glossary', () => {
  it('reads both files and describes every event type', () => {
    expect([...glossary.types.keys()].sort()).toEqual([...classifiedEventTypes].sort());
    expect(glossary.entries.filter((entry) => entry.kind === 'agency').length).toBeGreaterThan(20);
    for (const lang of ['rus', 'kaz', 'kir', 'uzb', 'tgk', 'tuk', 'aze', 'eng'] as const) {
      expect(glossary.indexes.get(lang)?.isEmpty).toBe(false);
    }
  });

  it('names the file and the field of a wrong value', () => {
    const dir = mkdtempSync(join(tmpdir(), 'glossary-'));
    const agencies = join(dir, 'agencies.yaml');
    writeFileSync(
      agencies,
      'agencies:\n  - id: mvd\n    kind: police\n    english: Ministry\n    terms: {rus: [мвд]}\n',
    );
    const load = () => loadEnglishGlossary({ agencies });
    expect(load).toThrow(GlossaryFileError);
    expect(load).toThrow(/agencies\.yaml: agencies\.0\.kind/);
  });

  it('refuses a stem mark inside a word and a missing event type', () => {
    const dir = mkdtempSync(join(tmpdir(), 'glossary-'));
    const events = join(dir, 'events.yaml');
    writeFileSync(
      events,
      'title_multiplier: 2\nthreshold: 3\ncount_cap: 2\ntypes:\n  - id: seizure\n    label: seizure\n    words:\n' +
        '      - {english: seized, weight: 3, terms: {rus: ["из*ят"]}}\n',
    );
    expect(() => loadEnglishGlossary({ events })).toThrow(/events\.yaml: .*a `\*` may only end a word/);
    expect(() => loadEnglishGlossary({ events })).toThrow(/type "arrest" must be described exactly once/);
  });
});

describe('glossary hits', () => {
  it('gives spans of the original text with their English, the longest term winning', () => {
    const text = 'Сотрудники УНК провели профилактическую беседу со школьниками.';
    const hits = findGlossaryHits(text, 'rus', glossary);
    for (const hit of hits) expect(text.slice(hit.start, hit.end)).toBe(hit.text);
    expect(hits.map((hit) => [hit.text, hit.english])).toEqual([
      ['УНК', 'Drug Control Department'],
      ['профилактическую беседу', 'preventive talk'],
      ['школьниками', 'schoolchildren'],
    ]);
  });

  it('matches acronyms with their case, with a case ending, never in lower case', () => {
    expect(hitsOf('ИИМдин кызматкерлери', 'kir')[0]).toEqual(['ИИМдин', 'Ministry of Internal Affairs']);
    expect(hitsOf('СБНОНдун кызматкерлери', 'kir')[0]).toEqual([
      'СБНОНдун',
      'Service for Combating Illegal Drug Trafficking',
    ]);
    expect(hitsOf('ҚР ІІМ-нің мәліметі', 'kaz')[0]).toEqual(['ІІМ', 'Ministry of Internal Affairs']);
    expect(hitsOf('DİN-in Baş Narkotiklərlə Mübarizə İdarəsi', 'aze')).toEqual([
      ['DİN', 'Ministry of Internal Affairs'],
      ['Baş Narkotiklərlə Mübarizə İdarəsi', 'Main Drug Control Department'],
    ]);
    expect(hitsOf('сайт мвд.рф', 'rus')).toEqual([]);
    expect(hitsOf('Пресс-служба ГУ МВД по Самарской области', 'rus')[0]).toEqual([
      'ГУ МВД',
      'Department of the Ministry of Internal Affairs',
    ]);
  });

  it('folds case, ё, Turkic i and every Uzbek apostrophe', () => {
    expect(hitsOf('Ichki ishlar vazirligi xodimlari qoʻlga oldi', 'uzb')).toEqual([
      ['Ichki ishlar vazirligi', 'Ministry of Internal Affairs'],
      ['qoʻlga oldi', 'detained'],
    ]);
    expect(hitsOf("qo'lga olindi", 'uzb')).toEqual([["qo'lga olindi", 'detained']]);
    expect(hitsOf('Героин ИЗЪЯТ', 'rus')).toEqual([['ИЗЪЯТ', 'seized']]);
    expect(hitsOf('DAXİLİ İŞLƏR NAZİRLİYİ', 'aze')).toEqual([
      ['DAXİLİ İŞLƏR NAZİRLİYİ', 'Ministry of Internal Affairs'],
    ]);
  });

  it('uses only the text language’s terms and those for any language', () => {
    expect(hitsOf('ИИМдин кызматкерлери', 'rus')).toEqual([]);
    expect(hitsOf('Сотрудники ЦАРИКЦ', 'tgk')).toEqual([['ЦАРИКЦ', 'CARICC']]);
  });

  it('keeps a phrase together across a line break but not across a comma', () => {
    expect(hitsOf('жыл\nбасынан бері', 'kaz')).toEqual([
      ['жыл\nбасынан бері', 'since the beginning of the year'],
    ]);
    expect(hitsOf('с начала, года', 'rus')).toEqual([]);
  });

  it('filters by kind, and takes extra entries such as drug names that are no evidence of a type', () => {
    expect(
      findGlossaryHits('УНК изъяли героин', 'rus', glossary, { kinds: ['agency'] }).map((hit) => hit.text),
    ).toEqual(['УНК']);
    const withDrugs = extendGlossary(glossary, 'drug', [
      { id: 'heroin', english: 'heroin', terms: { rus: ['героин*'], tgk: ['героин*'] } },
    ]);
    const hits = findGlossaryHits('изъяли героина', 'rus', withDrugs);
    expect(hits.map((hit) => [hit.text, hit.kind, hit.english])).toEqual([
      ['изъяли', 'event', 'seized'],
      ['героина', 'drug', 'heroin'],
    ]);
    const before = classifyEvent({ body: 'изъяли героина', lang: 'rus' }, glossary).scores;
    expect(classifyEvent({ body: 'изъяли героина', lang: 'rus' }, withDrugs).scores).toEqual(before);
  });
});

describe('the drug names of the facts stage', () => {
  const withDrugs = extendGlossary(glossary, 'drug', drugGlossaryItems(loadDrugGlossary()));
  const drugHits = (text: string, lang: Language) =>
    findGlossaryHits(text, lang, withDrugs, { kinds: ['drug'] }).map((hit) => [hit.text, hit.english]);

  it('are highlighted with their English in every language', () => {
    expect(drugHits('изъято 3 кг героина и 200 граммов мефедрона', 'rus')).toEqual([
      ['героина', 'heroin'],
      ['мефедрона', 'mephedrone'],
    ]);
    expect(drugHits('Bakıda 3 kiloqram heroin ələ keçirildi', 'aze')).toEqual([['heroin', 'heroin']]);
    expect(drugHits('5 кг наша табылды', 'kir')).toEqual([['наша', 'hashish']]);
    expect(drugHits('Это наша работа', 'rus')).toEqual([]);
  });

  it('are protected in machine translation', () => {
    expect(protectTerms('УНК изъяли героин', 'rus', withDrugs)).toEqual({
      text: '⟦G1⟧ изъяли ⟦G2⟧',
      terms: [
        { marker: '⟦G1⟧', english: 'UNK' },
        { marker: '⟦G2⟧', english: 'heroin' },
      ],
    });
  });
});

describe('protecting glossary terms for a machine translator', () => {
  it('replaces agency names by markers and restores their English, tolerating mangled markers', () => {
    const protectedText = protectTerms('Сотрудники УНК и ФСБ изъяли героин', 'rus', glossary);
    expect(protectedText.text).toBe('Сотрудники ⟦G1⟧ и ⟦G2⟧ изъяли героин');
    expect(restoreTerms('Officers of [[ G 1 ]] and ⟦G2⟧ seized heroin', protectedText)).toEqual({
      text: 'Officers of UNK and FSB seized heroin',
      lost: 0,
    });
    expect(restoreTerms('Officers seized heroin', protectedText).lost).toBe(2);
  });

  it('writes the English terms into the original for the second try', () => {
    expect(inlineEnglishTerms('Кормандони ВКД боздошт карданд', 'tgk', glossary)).toBe(
      'Кормандони MVD боздошт карданд',
    );
  });
});
