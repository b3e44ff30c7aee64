import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const PUBLIC_KEY = 'spct:public';
/** Marks public operations in the OpenAPI document, which then drops their security needs. */
export const PUBLIC_EXTENSION = 'x-public';

/** Marks a route that answers anonymous callers (health, readiness, sign-in, the API document). */
export const Public = () =>
  applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension(PUBLIC_EXTENSION, true));

export const SIGNED_LINK_KEY = 'spct:signedLink';
/**
 * A public route whose signed token in the URL is the authorization (an e-mail's unsubscribe
 * link): no cookie is read, so mail clients may post to it from anywhere.
 */
export const SignedLink = () => applyDecorators(Public(), SetMetadata(SIGNED_LINK_KEY, true));
