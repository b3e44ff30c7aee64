import { NONE, TARGET_GROUPS, type TargetGroup, THEMES, type Theme } from '@spct/contracts';
import { OptionalEnumListQuery, OptionalUuidListQuery } from '../../common/validation';

/**
 * The population filters the dashboard and the list share: several values each, combined with
 * AND between parameters and OR within one.
 */
export class PopulationQuery {
  @OptionalUuidListQuery('One or more frameworks')
  frameworkId?: string[];

  @OptionalUuidListQuery(`One or more lead organizations; "${NONE}" selects those without one`, {
    none: true,
  })
  leadOrgId?: string[];

  @OptionalEnumListQuery(
    [...THEMES, NONE],
    `One or more themes; "${NONE}" selects those without one`,
  )
  theme?: (Theme | typeof NONE)[];

  @OptionalEnumListQuery(TARGET_GROUPS, 'Commitments concerning any of these target groups')
  targetGroup?: TargetGroup[];
}
