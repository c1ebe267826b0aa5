import type { ReportEdition } from './report-az.js';
import { englishMonths } from './site-files.js';

/**
 * report.az, English edition (`/en/`, its own feed `/en/rss/`), in the markup of the Russian one
 * (./report-az.ts). The first article is the English version of a Russian report.az article; the second the
 * English twin of an nmdk.gov.az release (post 3428).
 */
export const englishEdition: ReportEdition = {
  prefix: 'en',
  articles: [
    {
      urlPath: '/en/society/azerbaijan-to-study-prevalence-of-drug-addiction-among-age-groups',
      section: 'Society',
      title: 'Azerbaijan to study prevalence of drug addiction among age groups',
      published: '2025-09-12T15:40:00+04:00',
      dateMode: 'jsonld',
      paragraphs: [
        'Sociological surveys will be conducted in Azerbaijan to assess the prevalence of drug addiction among different age groups, and proposals will be prepared based on their results, Report informs.',
        'This is envisaged by the State Programme on Combating Illicit Trafficking in Narcotic Drugs, Psychotropic Substances and their Precursors and Drug Addiction for 2025–2030.',
        'The Permanent Working Group of the State Commission on Combating Drug Addiction has been named the main executor.',
      ],
    },
    {
      urlPath: '/en/society/training-on-fighting-drug-addiction-held-in-absheron',
      section: 'Society',
      title: 'Training on fighting drug addiction held in Absheron',
      published: '2025-09-01T17:20:00+04:00',
      dateMode: 'meta',
      paragraphs: [
        'A training on "Methodological recommendations on combating drug addiction" was held at the Heydar Aliyev Centre in Absheron district on August 29, Report informs, citing the State Commission on Combating Drug Addiction and Illicit Drug Trafficking.',
        "The event was organised by the Commission's Permanent Working Group together with the Absheron District Executive Authority. School psychologists of the district took part.",
        'Participants were told about the risk factors of psychoactive substance use and how to recognise dependence.',
      ],
    },
  ],
  feedTitle: 'Report.az — News of Azerbaijan',
  feedDescription: 'Latest news of Azerbaijan and the world',
  months: englishMonths,
  menu: '<a href="/en/domestic-politics/">Politics</a> <a href="/en/business/">Business</a> <a href="/en/society/">Society</a> <a href="/en/incident/">Incident</a>',
  tag: '<a href="/en/tags/azerbaijan/">#Azerbaijan</a>',
  subscribe: 'Follow us on Telegram <a href="https://t.me/reportaz_en">@reportaz_en</a>',
  similarHeading: 'Other news',
  latestHeading: 'News feed',
  footer: '<p>© 2014–2025 Report Information Agency. All rights reserved.</p>',
};
