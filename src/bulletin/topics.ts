import type { Country } from '../domain/types.js';
import { type BulletinLang, countryShortName, HOUSE_TEXTS } from './house-format.js';

/** What the paragraph reads of a country's section (assemble.ts's `BulletinSection` is one). */
export interface TopicsSection {
  country: Country;
  items: ReadonlyArray<{ eventType?: string | null | undefined; titleIsEnglish: boolean; title: string }>;
}

/**
 * The opening topics paragraph, in the house style of the release:
 * "Published articles contain information about preventive measures taken by police officers, on seizures of
 * narcotic drugs (*Kazakhstan*), on …". Each country's part names its kinds of events, most frequent first; an
 * item whose kind is not known contributes its English title instead. Titles still in another language are left
 * out (the editorial checks list them); the analyst rewrites the paragraph at will.
 */

/** English phrases of the kinds of events the release reports, as the paragraph words them. */
const EVENT_PHRASES: Readonly<Record<string, string>> = {
  seizure: 'seizures of narcotic drugs',
  arrest: 'detentions of persons involved in drug trafficking',
  raid: 'operations and raids against drug trafficking',
  laboratory: 'liquidation of clandestine drug laboratories',
  destruction: 'destruction of seized drugs',
  prevention: 'preventive measures and awareness events',
  meeting: 'meetings and cooperation in countering the drug threat',
  legislation: 'improving legislation in the field of combating drug crime',
  statistics: 'results of counter-narcotics work',
  court: 'court sentences for drug crimes',
  treatment: 'treatment and rehabilitation of drug users',
};

const EVENT_PHRASES_RU: Readonly<Record<string, string>> = {
  seizure: 'изъятиях наркотиков',
  arrest: 'задержаниях лиц, причастных к наркоторговле',
  raid: 'операциях и рейдах против наркоторговли',
  laboratory: 'ликвидации нарколабораторий',
  destruction: 'уничтожении изъятых наркотиков',
  prevention: 'профилактических мероприятиях',
  meeting: 'встречах и сотрудничестве в противодействии наркоугрозе',
  legislation: 'совершенствовании законодательства в сфере борьбы с наркопреступностью',
  statistics: 'итогах антинаркотической работы',
  court: 'приговорах по наркопреступлениям',
  treatment: 'лечении и реабилитации наркозависимых',
};

export function eventPhrase(eventType: string, lang: BulletinLang): string | undefined {
  return (lang === 'ru' ? EVENT_PHRASES_RU : EVENT_PHRASES)[eventType];
}

/**
 * A title as a phrase inside a sentence, without its closing punctuation: a title in capitals (the house style)
 * in lower case, else only its first word's capital taken off, so that the names in it keep theirs.
 */
export function asPhrase(title: string): string {
  const trimmed = title.trim().replace(/[.!]+$/, '');
  if (trimmed === trimmed.toLocaleUpperCase('en')) return trimmed.toLocaleLowerCase('en');
  return /^\p{Lu}\p{Ll}/u.test(trimmed) ? trimmed[0]!.toLocaleLowerCase('en') + trimmed.slice(1) : trimmed;
}

function countryPhrases(section: TopicsSection, lang: BulletinLang): string[] {
  const counts = new Map<string, number>();
  const titles: string[] = [];
  for (const item of section.items) {
    const phrase = item.eventType ? eventPhrase(item.eventType, lang) : undefined;
    if (phrase) counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
    else if (item.titleIsEnglish && item.title.trim()) titles.push(asPhrase(item.title));
  }
  const byFrequency = [...counts].sort((a, b) => b[1] - a[1]).map(([phrase]) => phrase);
  return [...byFrequency, ...titles];
}

export function generateTopics(sections: readonly TopicsSection[], lang: BulletinLang): string {
  const connector = lang === 'ru' ? ', о ' : ', on ';
  const parts = sections.flatMap((section) => {
    const phrases = countryPhrases(section, lang);
    if (phrases.length === 0) return [];
    const joined = phrases.join(lang === 'ru' ? ', о ' : ', on ');
    return [`${joined} (${countryShortName(section.country, lang)})`];
  });
  if (parts.length === 0) return '';
  const lead = HOUSE_TEXTS[lang].topicsLead;
  return `${lead} ${lang === 'ru' ? 'о ' : ''}${parts.join(connector)}.`;
}
