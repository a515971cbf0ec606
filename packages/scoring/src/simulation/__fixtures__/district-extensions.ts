/**
 * Test fixture: a district's plugin calculator and veto predicate in a module of their own, so
 * that worker threads can import them (functions cannot cross threads).
 */
import type { ScoringExtensions } from '../../standard/extensions.js';

export const districtExtensions: ScoringExtensions = {
  calculators: [
    {
      id: 'district.buildings-share',
      inputs: () => ['buildings'],
      compute: ([buildings]) => Math.min(1, (buildings as number) / 10),
    },
  ],
  vetoPredicates: [
    {
      id: 'district.repeated-failures',
      inputs: () => ['failures'],
      fires: ([failures]) => (failures as number) > 3,
    },
  ],
};

/** The same, as a function (the form `scoringExtensionsOf(engine)` takes when wrapped). */
export function makeDistrictExtensions(): ScoringExtensions {
  return districtExtensions;
}
