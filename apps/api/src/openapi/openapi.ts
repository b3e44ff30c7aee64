import { type INestApplication } from '@nestjs/common';
import {
  ApiProperty,
  ApiPropertyOptional,
  DocumentBuilder,
  type OpenAPIObject,
  SwaggerModule,
} from '@nestjs/swagger';
import { PUBLIC_EXTENSION } from '../auth/public.decorator';

class FieldErrorDto {
  @ApiProperty({ example: 'status' })
  field: string;

  @ApiProperty({ example: 'each value must be one of: NOT_STARTED, ON_TRACK, …' })
  message: string;
}

/** The one error shape of the API (see ApiErrorFilter). */
class ApiErrorDto {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'Bad Request' })
  error: string;

  @ApiProperty()
  message: string;

  @ApiPropertyOptional({
    type: FieldErrorDto,
    isArray: true,
    description: 'One entry per field at fault',
  })
  details?: FieldErrorDto[];
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiErrorDto' } } },
});

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Social Protection Commitments Tracker API')
    .setDescription(
      'Commitments of tripartite social-protection frameworks (ILC 2021, Resolution 42-NQ/TW, SPF-FP, R202, C102, DWCP): ' +
        'their progress, indicators, evidence and social dialogue. Lists are { items, nextCursor }; translatable text is { vi, en }; ' +
        'errors are { statusCode, error, message, details? }.',
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
    const operations = [pathItem.get, pathItem.post, pathItem.put, pathItem.patch, pathItem.delete];
    // Every route but the @Public() ones needs a session cookie or an API token.
    for (const operation of operations) {
      if (!operation) continue;
      if (PUBLIC_EXTENSION in operation) operation.security = [];
      else
        operation.responses['401'] ??= errorResponse('Not signed in (no valid session or token)');
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
    // Every workspace route can answer a 400 naming the fields at fault, a 403 for a role that
    // may not do this and a 404.
    for (const operation of [
      pathItem.get,
      pathItem.post,
      pathItem.put,
      pathItem.patch,
      pathItem.delete,
    ]) {
      if (!operation) continue;
      operation.responses['400'] ??= errorResponse(
        'Invalid parameter or body; `details` names each field',
      );
      operation.responses['403'] ??= errorResponse('Your role in this workspace does not allow it');
      operation.responses['404'] ??= errorResponse('No such workspace or resource for the caller');
    }
  }
  return document;
}
