import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** `"7"`: the version tag a single record's answer carries for If-Match (common/etag.ts). */
const VERSION_TAG = /^"(\d+)"$/;

/**
 * The entity tag of a JSON answer to a GET: its handler's version tag `"7"` becomes `"7-<digest>"`
 * (If-Match still names the version, while the tag also covers what the answer shows beyond the
 * record, such as a commitment's children); an answer without one gets `W/"<digest>"`.
 */
export function entityTag(payload: string, handlerTag: string | undefined): string {
  const digest = createHash('sha1').update(payload).digest('base64url').slice(0, 22);
  const version = handlerTag === undefined ? undefined : VERSION_TAG.exec(handlerTag)?.[1];
  return version === undefined ? `W/"${digest}"` : `"${version}-${digest}"`;
}

/** Whether `If-None-Match` names `tag` (weak comparison, RFC 9110 §13.1.2), or is `*`. */
export function noneMatchNames(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || opaque(t) === opaque(tag));
}

/**
 * Lets clients revalidate JSON answers to GET without receiving the body again: each gets an
 * ETag computed from its body and `Cache-Control: private, no-cache` (a browser then asks with
 * If-None-Match by itself), and a request naming the current tag gets 304 Not Modified.
 */
export function registerConditionalGet(fastify: FastifyInstance): void {
  fastify.addHook(
    'onSend',
    async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return payload;
      if (reply.statusCode !== 200 || typeof payload !== 'string') return payload;
      const type = reply.getHeader('content-type');
      if (typeof type !== 'string' || !type.startsWith('application/json')) return payload;
      const handlerTag = reply.getHeader('etag');
      const tag = entityTag(payload, typeof handlerTag === 'string' ? handlerTag : undefined);
      void reply.header('etag', tag);
      if (!reply.hasHeader('cache-control'))
        void reply.header('cache-control', 'private, no-cache');
      if (!noneMatchNames(request.headers['if-none-match'], tag)) return payload;
      void reply.code(304);
      return '';
    },
  );
}
