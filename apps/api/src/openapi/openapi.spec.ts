import { readFile } from 'node:fs/promises';
import { OPENAPI_JSON, OPENAPI_TS, renderOpenApiJson, renderOpenApiTypes } from './openapi-files';

describe('committed OpenAPI contract', () => {
  it('matches the document and types generated from the code (run `npm run openapi` when it does not)', async () => {
    const json = await renderOpenApiJson();
    expect(await readFile(OPENAPI_JSON, 'utf8')).toBe(json);
    expect(await readFile(OPENAPI_TS, 'utf8')).toBe(await renderOpenApiTypes(json));
  });
});
