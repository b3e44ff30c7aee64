import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMENT_MAX_LENGTH, RATIONALE_MAX_LENGTH } from './limits';

interface Schema {
  properties: Record<string, { maxLength?: number }>;
}

const schemas = (
  JSON.parse(
    readFileSync(join(__dirname, '../../../../../packages/contracts/openapi.json'), 'utf8'),
  ) as { components: { schemas: Record<string, Schema> } }
).components.schemas;

it('uses the maximum lengths the API validates', () => {
  expect(COMMENT_MAX_LENGTH).toBe(schemas.CreateCommentDto!.properties.body!.maxLength);
  expect(COMMENT_MAX_LENGTH).toBe(schemas.UpdateCommentDto!.properties.body!.maxLength);
  expect(RATIONALE_MAX_LENGTH).toBe(schemas.RecordPositionDto!.properties.rationale!.maxLength);
});
