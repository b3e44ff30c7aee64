import type { TFunction } from 'i18next';

/** The API's field messages the interface translates; any other is shown as the API wrote it. */
const KNOWN = {
  'is already used in this framework': 'referenceTaken',
  'is not a commitment of this workspace': 'unknownParent',
  'is in another framework': 'parentOtherFramework',
  'is archived': 'parentArchived',
  'would make the commitment its own ancestor': 'parentCycle',
  'is not an organization of this workspace': 'unknownOrganization',
  'are not all organizations of this workspace': 'unknownOrganization',
  'must not include the lead organization': 'leadInCoOrgs',
  'is not an active member of this workspace': 'inactiveMember',
  'the target date is before the start date': 'targetBeforeStart',
} as const;

export function translateApiMessage(t: TFunction, message: string): string {
  const key = (KNOWN as Record<string, (typeof KNOWN)[keyof typeof KNOWN] | undefined>)[message];
  return key ? t(`commitmentForm.apiErrors.${key}`) : message;
}
