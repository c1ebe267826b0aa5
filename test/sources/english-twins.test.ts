import { describe, expect, it } from 'vitest';
import { readGolden } from '../../src/crawlers/source-testing/golden.js';
import { compareForStory, type StoryEvidence, storyEvidenceOf } from '../../src/domain/stories.js';
import type { DetectedLanguage } from '../../src/domain/types.js';

/**
 * The English editions' recorded pages against the local pages of the same events: what each parser makes of
 * its page (the golden output, which test/sources/golden.test.ts holds to the parsers) goes through the story
 * rules as the pipeline would put it.
 */
function recorded(sourceId: string, urlPart: string): StoryEvidence {
  const page = readGolden(sourceId)?.pages.find((candidate) => candidate.url.includes(urlPart));
  if (!page) throw new Error(`${sourceId}: no recorded page whose URL contains ${urlPart}`);
  const { title, body, language, published_at: publishedAt } = page.expected;
  return storyEvidenceOf({
    title: title ?? '',
    body: body ?? '',
    lang: (language ?? null) as DetectedLanguage | null,
    publishedAt: publishedAt ? new Date(publishedAt) : null,
  });
}

const twins: ReadonlyArray<[string, string, string, string]> = [
  ['inform-kz-en', 'large-batch-of-hashish', 'inform-kz', 'izyali-krupnuyu-partiyu-gashisha'],
  ['tengrinews-kz-en', 'underground-drug-lab', 'tengrinews-kz', 'likvidirovali-narkolaboratoriyu'],
  ['trend-az-en', '4102367', 'trend-az', '4102345'],
  ['report-az-en', 'training-on-fighting-drug-addiction', 'nmdk-gov-az', '/3428/'],
  ['apa-az-en', '4-kg-of-heroin-found-in-baku', 'apa-az', 'bakida-4-kiloqram-heroin'],
  ['akipress-com', '15_hectares_of_wild_hemp', 'kabar-kg', 'unichtozheno-15-gektarov'],
  ['kabar-kg-en', '15-hectares-of-wild-growing-hemp', 'kabar-kg', 'unichtozheno-15-gektarov'],
  ['24-kg-en', 'Hashish_dealer_detained_in_Bishkek', '24-kg', 'zaderjali_sbyitchika_gashisha'],
  ['asiaplus-tj-en', 'two-drug-couriers-detained', 'asiaplus-tj', 'zaderzhali-narkokurerov'],
  ['khovar-tj-en', 'drugs-seized-in-shahritus', 'khovar-tj', 'dar-shahritus-12-kilogramm'],
];

describe('English editions beside the local reports of the same events', () => {
  it.each(twins)('%s (%s) joins the story of %s (%s)', (enSource, enPage, localSource, localPage) => {
    expect(compareForStory(recorded(enSource, enPage), recorded(localSource, localPage))).toMatchObject({
      same: true,
      rule: 'shared_facts',
    });
  });

  it('keeps the English reports of two Bishkek hashish seizures of adjacent days apart', () => {
    const overTwoKilos = recorded('akipress-com', 'Over_2_kg_of_hashish');
    const overOneKilo = recorded('24-kg', 'zaderjali_sbyitchika_gashisha');
    expect(compareForStory(overTwoKilos, overOneKilo)).toEqual({
      same: false,
      reason: 'different quantities',
    });
    expect(compareForStory(recorded('24-kg-en', 'Hashish_dealer'), recorded('mvd-gov-kg', '/5123'))).toEqual({
      same: false,
      reason: 'different quantities',
    });
  });

  it('leaves an English page that is not about the same event alone', () => {
    expect(
      compareForStory(recorded('trend-az-en', '4102120'), recorded('trend-az', '4102345')),
    ).toMatchObject({ same: false });
  });
});
