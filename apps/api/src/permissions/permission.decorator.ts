import { SetMetadata } from '@nestjs/common';
import type { Action } from '@spct/contracts';

export const PERMISSION_KEY = 'spct:permission';

/**
 * The action a workspace route performs. The guard refuses members whose role can never do it;
 * services check the rest (own organization, four eyes) against the resource with PolicyService.
 */
export const Permission = (action: Action) => SetMetadata(PERMISSION_KEY, action);
