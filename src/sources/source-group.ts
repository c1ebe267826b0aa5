import type { Country, Language } from '../domain/types.js';
import type { SourceDefinition } from './source-definition.js';

/** What the sources of a group share unless they set their own, as Fundus's publisher groups do. */
export interface GroupDefaults {
  country: Country;
  /** IANA zone in which the group's sites write dates without an offset. */
  timezone: string;
  /** The languages most of the group's sites write in. */
  languages: readonly Language[];
}

/** A source as its group declares it: country, time zone and languages may be left to the group. */
export type DeclaredSource = Omit<SourceDefinition, keyof GroupDefaults> &
  Partial<Pick<SourceDefinition, keyof GroupDefaults>>;

export interface SourceGroup {
  /** Its folder under src/sources/: a country code in lower case, or `regional`. */
  id: string;
  name: string;
  defaults: GroupDefaults;
  /** The sources as written in the group's files, before the defaults fill them in. */
  declared: readonly DeclaredSource[];
  /** The same sources, in the same order, each field it left out taken from the group. */
  sources: readonly SourceDefinition[];
}

/** The source with the fields it leaves out taken from its group's defaults. */
export function withGroupDefaults(source: DeclaredSource, defaults: GroupDefaults): SourceDefinition {
  return {
    ...source,
    country: source.country ?? defaults.country,
    timezone: source.timezone ?? defaults.timezone,
    languages: [...(source.languages ?? defaults.languages)],
  };
}

export function sourceGroup(
  group: Pick<SourceGroup, 'id' | 'name' | 'defaults'>,
  declared: readonly DeclaredSource[],
): SourceGroup {
  return { ...group, declared, sources: declared.map((source) => withGroupDefaults(source, group.defaults)) };
}
