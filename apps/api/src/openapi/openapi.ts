import { type INestApplication } from '@nestjs/common';
import {
  ApiProperty,
  ApiPropertyOptional,
  DocumentBuilder,
  type OpenAPIObject,
  SwaggerModule,
} from '@nestjs/swagger';
import type { OperationObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import {
  API_ERROR_CODES,
  type ApiErrorCode,
  FIELD_ERROR_CODES,
  type FieldErrorCode,
} from '@spct/contracts';
import { PUBLIC_EXTENSION } from '../auth/public.decorator';
import { NO_DATABASE_ROUTES } from '../database/database-gate';

class FieldErrorDto {
  @ApiProperty({
    example: 'status',
    description: 'Path of the field: `title.vi`, `indicatorValues.0.value`, `q`, `slug`',
  })
  field: string;

  @ApiProperty({ enum: FIELD_ERROR_CODES, enumName: 'FieldErrorCode', example: 'notInEnum' })
  code: FieldErrorCode;

  @ApiProperty({
    example: 'must be one of: NOT_STARTED, ON_TRACK, …',
    description: 'For logs and API users; clients show a message chosen from `code`',
  })
  message: string;

  @ApiPropertyOptional({
    description: 'Least length, list size or value (`tooShort`, `tooFew`, `tooSmall`)',
  })
  min?: number;

  @ApiPropertyOptional({
    description:
      'Greatest length, list size, value, depth or decimal places (`tooLong`, `tooMany`, `tooLarge`, `tooDeep`, `tooPrecise`)',
  })
  max?: number;

  @ApiPropertyOptional({ type: [String], description: 'The values allowed (`notInEnum`)' })
  allowed?: string[];

  @ApiPropertyOptional({ description: 'The field this one is compared with (`beforeOther`)' })
  other?: string;

  @ApiPropertyOptional({ description: 'The line of an uploaded file at fault (`malformedCsv`)' })
  line?: number;
}

/** The one error shape of the API (see ApiErrorFilter). */
class ApiErrorDto {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'Bad Request' })
  error: string;

  @ApiProperty({
    enum: API_ERROR_CODES,
    enumName: 'ApiErrorCode',
    example: 'validation',
    description:
      'What went wrong, for programs: decide from this, not from the status or `message`',
  })
  code: ApiErrorCode;

  @ApiProperty({ description: 'For logs and API users' })
  message: string;

  @ApiPropertyOptional({
    type: FieldErrorDto,
    isArray: true,
    description: 'One entry per field at fault',
  })
  details?: FieldErrorDto[];
}

const API_ERROR = { $ref: '#/components/schemas/ApiErrorDto' };

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: API_ERROR } },
});

/** Answers every operation may give besides its own, by what the operation takes. */
function addCommonAnswers(route: string, method: string, operation: OperationObject): void {
  const responses = operation.responses;
  // Text with a NUL or half a surrogate pair is refused in any parameter, even an undeclared one.
  responses['400'] ??= errorResponse(
    'Invalid parameter, query or body; `details` names each field',
  );
  if (route.includes('{')) {
    responses['414'] ??= errorResponse('A path parameter longer than 500 characters');
  }
  const success = responses['200'];
  if (
    method === 'get' &&
    success &&
    !('$ref' in success) &&
    success.content?.['application/json']
  ) {
    // common/conditional-get.ts: every JSON answer to a GET carries an ETag to revalidate with.
    responses['304'] ??= {
      description:
        '`If-None-Match` names the current `ETag` (or is `*`): the answer has not changed',
    };
  }
  if (method !== 'get') {
    responses['403'] ??= errorResponse('A write from another site, or one your role may not make');
    responses['413'] ??= errorResponse('The body is too large');
    responses['415'] ??= errorResponse('The body is neither JSON nor a form this route reads');
  }
  if (!NO_DATABASE_ROUTES.includes(route)) {
    responses['503'] ??= {
      ...errorResponse('The database is unreachable: retry after `Retry-After` seconds'),
      headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' } },
    };
  }
  // Every error answer has the error shape, whatever the operation's success produces.
  for (const [status, response] of Object.entries(responses)) {
    if (!response || Number(status) < 400 || '$ref' in response) continue;
    const schema = Object.values(response.content ?? {})[0]?.schema;
    response.content = { 'application/json': { schema: schema ?? API_ERROR } };
  }
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Social Protection Commitments Tracker API')
    .setDescription(
      'Commitments of tripartite social-protection frameworks (ILC 2021, Resolution 42-NQ/TW, SPF-FP, R202, C102, DWCP): ' +
        'their progress, indicators, evidence and social dialogue. Lists are { items, nextCursor }; translatable text is { vi, en }; ' +
        'errors are { statusCode, error, code, message, details? } (see ApiErrorDto: decide from `code`).',
    )
    .setVersion('0.1.0')
    .addCookieAuth('spct_session', {
      type: 'apiKey',
      in: 'cookie',
      description:
        'The session cookie set by POST /api/auth/login (`__Host-spct_session` in production)',
    })
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A personal API token' })
    .addSecurityRequirements('cookie')
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ApiErrorDto],
    operationIdFactory: (controllerKey, methodKey) =>
      `${controllerKey.replace(/Controller$/, '').replace(/^./, (c) => c.toLowerCase())}_${methodKey}`,
  });
  for (const [route, pathItem] of Object.entries(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const operation = pathItem[method];
      if (!operation) continue;
      // Every route but the @Public() ones needs a session cookie or an API token.
      if (PUBLIC_EXTENSION in operation) operation.security = [];
      else
        operation.responses['401'] ??= errorResponse('Not signed in (no valid session or token)');
      if (route.startsWith('/api/workspaces/{slug}')) {
        operation.responses['403'] ??= errorResponse(
          'Your role in this workspace does not allow it',
        );
        operation.responses['404'] ??= errorResponse(
          'No such workspace or resource for the caller',
        );
      }
      addCommonAnswers(route, method, operation);
    }
    if (!route.startsWith('/api/workspaces/{slug}')) continue;
    // The guard reads `:slug` (the caller's membership), so handlers do not declare it.
    pathItem.parameters = [
      {
        name: 'slug',
        in: 'path',
        required: true,
        description: 'The workspace, e.g. viet-nam',
        schema: { type: 'string' },
      },
      ...(pathItem.parameters ?? []).filter((p) => !('name' in p) || p.name !== 'slug'),
    ];
  }
  return document;
}
