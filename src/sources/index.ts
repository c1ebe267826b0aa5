import { azerbaijan } from './az/index.js';
import { kyrgyzstan } from './kg/index.js';
import { kazakhstan } from './kz/index.js';
import { regional } from './regional/index.js';
import { russia } from './ru/index.js';
import type { SourceDefinition } from './source-definition.js';
import type { SourceGroup } from './source-group.js';
import { tajikistan } from './tj/index.js';
import { turkmenistan } from './tm/index.js';
import { uzbekistan } from './uz/index.js';

/** The groups of declared sources, one folder each, in the order of the README's source table. */
export const sourceGroups: readonly SourceGroup[] = [
  kazakhstan,
  russia,
  azerbaijan,
  tajikistan,
  turkmenistan,
  kyrgyzstan,
  uzbekistan,
  regional,
];

/** Every source declared in code, its group's defaults filled in, in the order of the README's source table. */
export const sourceRegistry: readonly SourceDefinition[] = sourceGroups.flatMap((group) => group.sources);

export function findSourceDefinition(id: string): SourceDefinition | undefined {
  return sourceRegistry.find((definition) => definition.id === id);
}
