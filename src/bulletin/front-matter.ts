import type { Bulletin } from './assemble.js';
import { countryHeading, formatPeriodShort, HOUSE_TEXTS, yearOf } from './house-format.js';

/** What every format prints around the items: title page, editorial page, contents, closing address. */
export interface FrontMatter {
  acronym: [string, string];
  centreName: string;
  releaseTitle: string;
  releaseSubtitle: string[];
  periodShort: string;
  numberLabel: string;
  placeAndYear: string;
  releaseHeader: string;
  centreNameMixed: string[];
  editorialAddress: string;
  address: string[];
  publishedTitle: string;
  circulation: string;
  contentsTitle: string;
  contents: { anchor: string; heading: string }[];
  otherHeading: string;
  otherNote: string;
}

export function sectionAnchor(country: string): string {
  return `country-${country.toLowerCase()}`;
}

export function frontMatter(bulletin: Bulletin): FrontMatter {
  const texts = HOUSE_TEXTS[bulletin.lang];
  const year = yearOf(bulletin.period);
  return {
    acronym: texts.centreAcronym,
    centreName: texts.centreName,
    releaseTitle: texts.releaseTitle,
    releaseSubtitle: texts.releaseSubtitle,
    periodShort: formatPeriodShort(bulletin.period),
    numberLabel: `#${bulletin.number}`,
    placeAndYear: `${texts.city} - ${year}`,
    releaseHeader: texts.releaseHeader,
    centreNameMixed: texts.centreNameMixed,
    editorialAddress: texts.editorialAddress,
    address: texts.address,
    publishedTitle: texts.publishedTitle(bulletin.number, year),
    circulation: texts.circulation,
    contentsTitle: texts.contents,
    contents: bulletin.sections.map(({ country }) => ({
      anchor: sectionAnchor(country),
      heading: countryHeading(country, bulletin.lang),
    })),
    otherHeading: countryHeading('other', bulletin.lang),
    otherNote: texts.otherCountriesNote,
  };
}

/** Titles are printed in capitals, whatever case the analyst typed them in. */
export function printedTitle(title: string, lang: Bulletin['lang']): string {
  return title.toLocaleUpperCase(lang);
}
