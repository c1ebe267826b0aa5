import { describe, expect, it } from 'vitest';
import { loadEnglishGlossary } from '../../src/config/english-glossary.js';
import { classifyEvent, leadLength } from '../../src/domain/english/event-type.js';

const glossary = loadEnglishGlossary();

describe('classifyEvent', () => {
  it('reads the type from the headline first', () => {
    const arrest = classifyEvent(
      {
        title: 'В Актау задержан наркокурьер',
        body: 'При нём обнаружено и изъято 300 граммов гашиша.',
        lang: 'rus',
      },
      glossary,
    );
    expect(arrest.type).toBe('arrest');
    const seizure = classifyEvent(
      { title: 'У наркокурьера в Актау изъяли 300 граммов гашиша', body: 'Мужчина задержан.', lang: 'rus' },
      glossary,
    );
    expect(seizure.type).toBe('seizure');
  });

  it('keeps a destruction report a destruction report, however many seized drugs it lists', () => {
    const result = classifyEvent(
      {
        title: 'Bakıda müsadirə edilmiş narkotiklər yandırılıb',
        body: 'Əvvəllər ələ keçirilmiş 500 kiloqram heroin və 200 kiloqram marixuana məhv edilib.',
        lang: 'aze',
      },
      glossary,
    );
    expect(result.type).toBe('destruction');
    expect(result.evidence.map(({ hit }) => hit.english)).toEqual(['burned', 'destroyed']);
  });

  it('says other when no event word reaches the threshold', () => {
    const result = classifyEvent(
      { title: 'Наркология: новая книга врача', body: 'Автор рассказывает о своей практике.', lang: 'rus' },
      glossary,
    );
    expect(result).toMatchObject({ type: 'other', confidence: 0, evidence: [] });
  });

  it('is sure when one type stands alone and less sure when two compete', () => {
    const alone = classifyEvent(
      { title: 'Полицейские провели лекцию для школьников', body: 'Лекция прошла в школе № 3.', lang: 'rus' },
      glossary,
    );
    expect(alone.type).toBe('prevention');
    expect(alone.confidence).toBe(1);
    const mixed = classifyEvent(
      { title: 'Полицейские провели рейд и лекцию', body: 'Рейд прошёл в общежитиях.', lang: 'rus' },
      glossary,
    );
    expect(mixed.confidence).toBeLessThan(0.8);
  });

  it('reads the first line of a post without a title as its headline, offsets into the body', () => {
    const body = 'Суд приговорил курьера к 9 годам колонии\n\nЕго задержали в прошлом году с 2 кг мефедрона.';
    expect(leadLength(body)).toBe(body.indexOf('\n'));
    const result = classifyEvent({ body, lang: 'rus' }, glossary);
    expect(result.type).toBe('court');
    const lead = result.hits.filter(({ field }) => field === 'lead').map(({ hit }) => hit.text);
    expect(lead).toContain('приговорил');
    for (const { hit } of result.hits) expect(body.slice(hit.start, hit.end)).toBe(hit.text);
  });

  it('uses the first sentence when the first line is a whole paragraph', () => {
    const body = `Таможенники изъяли партию гашиша. ${'Подробности расследования пока не раскрываются. '.repeat(8)}`;
    expect(body.slice(0, leadLength(body))).toBe('Таможенники изъяли партию гашиша.');
  });
});
