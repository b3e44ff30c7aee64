import { type INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Social Protection Commitments Tracker API')
    .setDescription(
      'Commitments of tripartite social-protection frameworks (ILC 2021, Resolution 42-NQ/TW, SPF-FP, R202, C102, DWCP): ' +
        'their progress, indicators, evidence and social dialogue. Lists are { items, nextCursor }; translatable text is { vi, en }; ' +
        'errors are { statusCode, error, message, details? }.',
    )
    .setVersion('0.1.0')
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) =>
      `${controllerKey.replace(/Controller$/, '').replace(/^./, (c) => c.toLowerCase())}_${methodKey}`,
  });
}
