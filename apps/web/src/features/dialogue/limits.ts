/**
 * Limits of the API's DTOs (CreateCommentDto.body, RecordPositionDto.rationale: maxLength in
 * packages/contracts/openapi.json); limits.test.ts fails when the API changes them.
 */
export const COMMENT_MAX_LENGTH = 5000;
export const RATIONALE_MAX_LENGTH = 5000;
