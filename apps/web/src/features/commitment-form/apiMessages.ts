import type { TFunction } from 'i18next';
import { fieldErrorText } from '../../api/error-text';
import type { ApiErrorBody } from '../../api/types';

type FieldDetail = NonNullable<ApiErrorBody['details']>[number];

/** The form's own wording of a refusal, by `field:code` or by `code`. */
const SPECIFIC = {
  'reference:taken': 'referenceTaken',
  'parentId:unknownReference': 'unknownParent',
  'parentId:inOtherFramework': 'parentOtherFramework',
  'parentId:archived': 'parentArchived',
  'parentId:cycle': 'parentCycle',
  'leadOrgId:unknownReference': 'unknownOrganization',
  'coOrgIds:unknownReference': 'unknownOrganization',
  includesLead: 'leadInCoOrgs',
  'focalUserId:unknownReference': 'inactiveMember',
  'targetDate:beforeOther': 'targetBeforeStart',
} as const;

/** Why the API refused a field of the commitment form, in the user's language. */
export function commitmentFieldErrorText(t: TFunction, detail: FieldDetail): string {
  const specific = SPECIFIC as Record<string, (typeof SPECIFIC)[keyof typeof SPECIFIC] | undefined>;
  const key = specific[`${detail.field}:${detail.code}`] ?? specific[detail.code];
  return key ? t(`commitmentForm.apiErrors.${key}`) : fieldErrorText(t, detail);
}
