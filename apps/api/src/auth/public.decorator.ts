import { SetMetadata } from '@nestjs/common';

export const PUBLIC_KEY = 'spct:public';

/** Marks a route that answers anonymous callers (health, readiness, sign-in, the API document). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
