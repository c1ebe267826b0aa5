import type { DrugGlossary } from '../drug-glossary.js';
import type { ExtraGlossaryItem, GlossaryLanguage } from './glossary.js';

/**
 * The substances of the drugs glossary (config/glossary/drugs.yaml, the facts stage's) as English glossary entries,
 * for `extendGlossary(glossary, 'drug', drugGlossaryItems(drugs))`: their names are then highlighted in the
 * original with their English (the substance id: heroin, synthetic drugs) and protected in machine translation.
 * Terms in that file's own extra syntax — `#` for a number, «guillemets» for a quoted word — are left out here.
 */
export function drugGlossaryItems(drugs: DrugGlossary): ExtraGlossaryItem[] {
  return drugs.file.substances.map((substance) => {
    const terms: Partial<Record<GlossaryLanguage, string[]>> = {};
    for (const [lang, list] of Object.entries(substance.terms) as Array<
      [GlossaryLanguage, string[] | undefined]
    >) {
      const usable = (list ?? []).filter((term) => !/[#«»"“”„]/.test(term));
      if (usable.length > 0) terms[lang] = usable;
    }
    return { id: substance.id.replaceAll(' ', '-'), english: substance.id, terms };
  });
}
