import type {
  CommitmentStatus,
  IndicatorDirection,
  Locale,
  TargetGroup,
  Theme,
  UpdateState,
} from '@spct/contracts';
import type { LocalizedText } from '../common/localized';

/**
 * The words the web app shows for each enumeration (apps/web/src/i18n), which spreadsheets write
 * in the reader's language so that a sheet reads as the screen does.
 */
export const ENUM_LABELS = {
  status: {
    NOT_STARTED: { vi: 'Chưa bắt đầu', en: 'Not started' },
    ON_TRACK: { vi: 'Đúng tiến độ', en: 'On track' },
    AT_RISK: { vi: 'Có rủi ro', en: 'At risk' },
    OFF_TRACK: { vi: 'Chậm tiến độ', en: 'Off track' },
    COMPLETED: { vi: 'Hoàn thành', en: 'Completed' },
    DISCONTINUED: { vi: 'Dừng thực hiện', en: 'Discontinued' },
  } satisfies Record<CommitmentStatus, LocalizedText>,
  theme: {
    EMPLOYMENT: { vi: 'Việc làm', en: 'Employment' },
    WORKER_PROTECTION: { vi: 'Bảo vệ người lao động', en: 'Worker protection' },
    SOCIAL_PROTECTION: { vi: 'An sinh xã hội', en: 'Social protection' },
    SOCIAL_DIALOGUE: { vi: 'Đối thoại xã hội', en: 'Social dialogue' },
    SKILLS: { vi: 'Kỹ năng nghề', en: 'Skills' },
    GENDER_EQUALITY: { vi: 'Bình đẳng giới', en: 'Gender equality' },
    HEALTH: { vi: 'Y tế', en: 'Health' },
    ENTERPRISES: { vi: 'Doanh nghiệp', en: 'Enterprises' },
    GOVERNANCE: { vi: 'Quản trị nhà nước', en: 'Governance' },
    INTERNATIONAL_COOPERATION: { vi: 'Hợp tác quốc tế', en: 'International cooperation' },
  } satisfies Record<Theme, LocalizedText>,
  targetGroup: {
    WOMEN: { vi: 'Phụ nữ', en: 'Women' },
    PERSONS_WITH_DISABILITIES: { vi: 'Người khuyết tật', en: 'Persons with disabilities' },
    ETHNIC_MINORITIES: { vi: 'Đồng bào dân tộc thiểu số', en: 'Ethnic minorities' },
    INFORMAL_WORKERS: { vi: 'Lao động phi chính thức', en: 'Informal workers' },
    MIGRANT_WORKERS: { vi: 'Lao động di cư', en: 'Migrant workers' },
    YOUTH: { vi: 'Thanh niên', en: 'Youth' },
    OLDER_PERSONS: { vi: 'Người cao tuổi', en: 'Older persons' },
    CHILDREN: { vi: 'Trẻ em', en: 'Children' },
    POOR_HOUSEHOLDS: { vi: 'Hộ nghèo', en: 'Poor households' },
    RURAL_WORKERS: { vi: 'Lao động nông thôn', en: 'Rural workers' },
  } satisfies Record<TargetGroup, LocalizedText>,
  direction: {
    INCREASE: { vi: 'Càng cao càng tốt', en: 'Higher is better' },
    DECREASE: { vi: 'Càng thấp càng tốt', en: 'Lower is better' },
  } satisfies Record<IndicatorDirection, LocalizedText>,
  updateState: {
    DRAFT: { vi: 'Bản nháp', en: 'Draft' },
    SUBMITTED: { vi: 'Chờ phê duyệt', en: 'Submitted' },
    APPROVED: { vi: 'Đã phê duyệt', en: 'Approved' },
    RETURNED: { vi: 'Bị trả lại', en: 'Returned' },
  } satisfies Record<UpdateState, LocalizedText>,
} as const;

export type EnumKind = keyof typeof ENUM_LABELS;

/** The label of `code` in `locale` (empty for no value). */
export function enumLabel<K extends EnumKind>(
  kind: K,
  code: keyof (typeof ENUM_LABELS)[K] | null,
  locale: Locale,
): string {
  if (code === null) return '';
  return (ENUM_LABELS[kind][code] as LocalizedText)[locale];
}

/** Several values in one cell, as people type lists: "Phụ nữ; Thanh niên". */
export const LIST_SEPARATOR = '; ';
