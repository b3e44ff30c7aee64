// API shapes of the dialogue not aliased in src/api/types.ts yet (aliases of generated schemas).
import type { components } from '@spct/contracts';

export type CreateCommentBody = components['schemas']['CreateCommentDto'];
