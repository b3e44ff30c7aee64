// Realistic API responses built from prisma/catalogue and prisma/demo/tracking.json.
import type {
  Comment,
  Commitment,
  CommitmentDetail,
  Evidence,
  Framework,
  FrameworkDetail,
  Indicator,
  Me,
  Member,
  Membership,
  Organization,
  Page,
  Position,
  ProgressUpdate,
  ReportingPeriod,
  Workspace,
} from '../api/types';

export const page = <T>(items: T[], nextCursor: string | null = null): Page<T> => ({
  items,
  nextCursor,
});

/** A 412 answer to a conditional write: the record changed since it was loaded. */
export const stale412 = <T>(current: T) => ({
  status: 412,
  body: { statusCode: 412, error: 'Precondition Failed', message: 'Stale', current },
});

export const workspace: Workspace = {
  id: 'a0000000-0000-4000-8000-000000000001',
  slug: 'viet-nam',
  name: 'Việt Nam',
  isDemo: true,
};

export const organizations: Organization[] = [
  {
    id: 'o-molisa',
    shortName: 'MOLISA',
    name: {
      vi: 'Bộ Lao động – Thương binh và Xã hội',
      en: 'Ministry of Labour, Invalids and Social Affairs',
    },
    constituency: 'GOVERNMENT',
    version: 1,
  },
  {
    id: 'o-vgcl',
    shortName: 'VGCL',
    name: { vi: 'Tổng Liên đoàn Lao động Việt Nam', en: 'Vietnam General Confederation of Labour' },
    constituency: 'WORKERS',
    version: 1,
  },
  {
    id: 'o-vcci',
    shortName: 'VCCI',
    name: {
      vi: 'Liên đoàn Thương mại và Công nghiệp Việt Nam',
      en: 'Vietnam Federation of Commerce and Industry',
    },
    constituency: 'EMPLOYERS',
    version: 1,
  },
  {
    id: 'o-vss',
    shortName: 'VSS',
    name: { vi: 'Bảo hiểm xã hội Việt Nam', en: 'Vietnam Social Security' },
    constituency: 'GOVERNMENT',
    version: 1,
  },
];

export const nq42: Framework = {
  id: 'f-nq42',
  code: 'NQ-42',
  title: {
    vi: 'Nghị quyết số 42-NQ/TW về tiếp tục đổi mới, nâng cao chất lượng chính sách xã hội',
    en: 'Resolution No. 42-NQ/TW on continuing to renew and improve the quality of social policies',
  },
  description: null,
  issuer: {
    vi: 'Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam (khóa XIII, Hội nghị lần thứ 8)',
    en: 'Central Committee of the Communist Party of Viet Nam (13th tenure, 8th plenum)',
  },
  adoptedOn: '2023-11-24',
  url: null,
  commitmentCount: 12,
  untrackedCount: 0,
  progress: 47.5,
  statusCounts: {
    NOT_STARTED: 2,
    ON_TRACK: 6,
    AT_RISK: 3,
    OFF_TRACK: 1,
    COMPLETED: 0,
    DISCONTINUED: 0,
  },
  version: 1,
};

export const ilc2021: Framework = {
  id: 'f-ilc',
  code: 'ILC-2021',
  title: {
    vi: 'Nghị quyết về lời kêu gọi hành động toàn cầu thúc đẩy phục hồi từ khủng hoảng COVID-19',
    en: 'Resolution concerning a global call to action for a human-centred recovery from COVID-19',
  },
  description: null,
  issuer: { vi: 'Hội nghị Lao động Quốc tế (ILO)', en: 'International Labour Conference (ILO)' },
  adoptedOn: '2021-06-17',
  url: 'https://www.ilo.org/wcmsp5/groups/public/---ed_norm/---relconf/documents/meetingdocument/wcms_806092.pdf',
  commitmentCount: 40,
  untrackedCount: 0,
  progress: 31,
  statusCounts: {
    NOT_STARTED: 15,
    ON_TRACK: 20,
    AT_RISK: 0,
    OFF_TRACK: 0,
    COMPLETED: 5,
    DISCONTINUED: 0,
  },
  version: 1,
};

export const commitmentNq1: Commitment = {
  id: 'c-nq42-1',
  frameworkId: nq42.id,
  frameworkCode: 'NQ-42',
  parentId: null,
  reference: '1',
  title: {
    vi: 'Phát triển hệ thống bảo trợ xã hội đa tầng bền vững và đáp ứng, đảm bảo không ai bị bỏ lại phía sau',
    en: 'A sustainable and responsive multi-tiered social protection system that leaves no one behind',
  },
  description: {
    vi: 'Mở rộng bao phủ bảo hiểm xã hội, hướng tới bao phủ toàn dân.',
    en: 'Extend social insurance coverage towards universal coverage.',
  },
  theme: 'SOCIAL_PROTECTION',
  status: 'ON_TRACK',
  trackedStatus: 'ON_TRACK',
  progress: 55,
  weight: 5,
  leadOrgId: 'o-molisa',
  coOrgIds: ['o-vss', 'o-vgcl'],
  focalUserId: 'u-official',
  targetGroups: ['INFORMAL_WORKERS', 'OLDER_PERSONS'],
  startDate: '2024-01-01',
  targetDate: '2030-12-31',
  archived: false,
  version: 3,
  overdue: false,
  childCount: 0,
  updatedAt: '2026-01-19T08:00:00.000Z',
};

export const commitmentNq2: Commitment = {
  ...commitmentNq1,
  id: 'c-nq42-2',
  reference: '2',
  title: { vi: 'Phát triển sàn an sinh xã hội', en: 'Developing a social protection floor' },
  status: 'AT_RISK',
  trackedStatus: 'AT_RISK',
  progress: 30,
  leadOrgId: 'o-molisa',
  coOrgIds: [],
  targetDate: '2025-12-31',
  overdue: true,
};

export const commitmentDetail: CommitmentDetail = {
  ...commitmentNq1,
  framework: { id: nq42.id, code: nq42.code, title: nq42.title },
  parent: null,
  children: [],
  alignments: [
    {
      id: 'al-1',
      direction: 'OUTGOING',
      note: null,
      commitment: {
        id: 'c-ilc-11c',
        frameworkId: ilc2021.id,
        frameworkCode: 'ILC-2021',
        reference: '11.C',
        title: { vi: 'Phổ cập an sinh xã hội', en: 'Universal social protection' },
      },
    },
  ],
  focalUser: { id: 'u-official', displayName: 'Nguyễn Thị Lan' },
};

export const frameworkDetail: FrameworkDetail = {
  ...ilc2021,
  tree: [
    {
      id: 'c-ilc-11',
      reference: '11',
      title: {
        vi: 'Đặt mục tiêu việc làm đầy đủ, năng suất và được tự do lựa chọn',
        en: 'Placing full, productive and freely chosen employment at the heart of recovery',
      },
      // A parent: its stored status is stale, it shows none.
      status: 'NOT_STARTED',
      trackedStatus: null,
      progress: 42.5,
      weight: 1,
      theme: 'EMPLOYMENT',
      leadOrgId: 'o-molisa',
      targetDate: null,
      overdue: false,
      children: [
        {
          id: 'c-ilc-11a',
          reference: '11.A',
          title: {
            vi: 'Tăng trưởng kinh tế bao trùm và việc làm',
            en: 'Inclusive economic growth',
          },
          // No organization has taken it up.
          status: 'NOT_STARTED',
          trackedStatus: null,
          progress: 60,
          weight: 1,
          theme: 'EMPLOYMENT',
          leadOrgId: null,
          targetDate: '2026-12-31',
          overdue: false,
          children: [],
        },
        {
          id: 'c-ilc-11c',
          reference: '11.C',
          title: { vi: 'Phổ cập an sinh xã hội', en: 'Universal social protection' },
          status: 'OFF_TRACK',
          trackedStatus: 'OFF_TRACK',
          progress: 25,
          weight: 1,
          theme: 'SOCIAL_PROTECTION',
          leadOrgId: 'o-vss',
          targetDate: '2025-06-30',
          overdue: true,
          children: [],
        },
      ],
    },
  ],
};

export const updates: ProgressUpdate[] = [
  {
    id: 'up-2',
    commitmentId: commitmentNq1.id,
    authorId: 'u-official',
    author: { id: 'u-official', displayName: 'Nguyễn Thị Lan' },
    periodId: 'p-2026-q1',
    period: '2026-Q1',
    status: 'AT_RISK',
    progress: 50,
    narrative: 'Chưa có số liệu cập nhật về bao phủ BHXH tự nguyện.',
    state: 'RETURNED',
    returnReason: 'Đề nghị bổ sung số liệu BHXH tự nguyện năm 2025.',
    submittedAt: '2026-04-08T02:00:00.000Z',
    decidedAt: '2026-04-10T02:00:00.000Z',
    decidedById: 'u-manager',
    indicatorValues: [],
    steps: [
      {
        action: 'submitted',
        at: '2026-04-08T02:00:00.000Z',
        actor: { id: 'u-official', displayName: 'Nguyễn Thị Lan' },
        reason: null,
      },
      {
        action: 'returned',
        at: '2026-04-10T02:00:00.000Z',
        actor: { id: 'u-manager', displayName: 'Võ Minh Tuấn' },
        reason: 'Đề nghị bổ sung số liệu BHXH tự nguyện năm 2025.',
      },
    ],
    version: 3,
    createdAt: '2026-04-05T02:00:00.000Z',
    updatedAt: '2026-04-10T02:00:00.000Z',
  },
  {
    id: 'up-1',
    commitmentId: commitmentNq1.id,
    authorId: 'u-official',
    author: { id: 'u-official', displayName: 'Nguyễn Thị Lan' },
    periodId: 'p-2025-q4',
    period: '2025-Q4',
    status: 'ON_TRACK',
    progress: 55,
    narrative: 'Luật Bảo hiểm xã hội số 41/2024/QH15 có hiệu lực từ 01/7/2025.',
    state: 'APPROVED',
    returnReason: null,
    submittedAt: '2026-01-12T02:00:00.000Z',
    decidedAt: '2026-01-19T02:00:00.000Z',
    decidedById: 'u-manager',
    indicatorValues: [],
    steps: [
      {
        action: 'submitted',
        at: '2026-01-12T02:00:00.000Z',
        actor: { id: 'u-official', displayName: 'Nguyễn Thị Lan' },
        reason: null,
      },
      {
        action: 'approved',
        at: '2026-01-19T02:00:00.000Z',
        actor: { id: 'u-manager', displayName: 'Võ Minh Tuấn' },
        reason: null,
      },
    ],
    version: 3,
    createdAt: '2026-01-10T02:00:00.000Z',
    updatedAt: '2026-01-19T02:00:00.000Z',
  },
];

export const indicators: Indicator[] = [
  {
    id: 'ind-1',
    commitmentId: commitmentNq1.id,
    name: {
      vi: 'Tỷ lệ lực lượng lao động trong độ tuổi tham gia BHXH',
      en: 'Share of the working-age labour force covered by social insurance',
    },
    unit: { vi: '%', en: '%' },
    direction: 'INCREASE',
    baseline: { value: 35.3, year: 2020 },
    target: { value: 60, year: 2030 },
    source: { vi: 'BHXH Việt Nam', en: 'Viet Nam Social Security (VSS)' },
    measurements: [
      {
        id: 'm1',
        indicatorId: 'ind-1',
        measuredOn: '2023-12-31',
        value: 39.3,
        source: null,
        createdById: null,
        createdAt: '2023-12-31T02:00:00.000Z',
      },
      {
        id: 'm2',
        indicatorId: 'ind-1',
        measuredOn: '2024-12-31',
        value: 42.1,
        source: null,
        createdById: null,
        createdAt: '2024-12-31T02:00:00.000Z',
      },
      {
        id: 'm3',
        indicatorId: 'ind-1',
        measuredOn: '2025-12-31',
        value: 45.2,
        source: null,
        createdById: null,
        createdAt: '2025-12-31T02:00:00.000Z',
      },
    ],
    latest: { measuredOn: '2025-12-31', value: 45.2 },
    expected: 47.65,
    onTrack: false,
    version: 2,
  },
];

export const comments: Comment[] = [
  {
    id: 'cm-1',
    parentId: null,
    author: { id: 'u-union', displayName: 'Trần Văn Hùng' },
    body: 'Số người rút BHXH một lần vẫn ở mức cao.',
    stance: 'CONCERN',
    mentionedIds: [],
    createdAt: '2026-03-02T02:00:00.000Z',
    editedAt: null,
    deletedAt: null,
    version: 1,
  },
  {
    id: 'cm-2',
    parentId: 'cm-1',
    author: { id: 'u-official', displayName: 'Nguyễn Thị Lan' },
    body: 'Cảm ơn ý kiến của Tổng LĐLĐ.',
    stance: null,
    mentionedIds: [],
    createdAt: '2026-03-04T02:00:00.000Z',
    editedAt: null,
    deletedAt: null,
    version: 1,
  },
];

export const positions: Position[] = [
  {
    id: 'p-1',
    organization: { id: 'o-vcci', shortName: 'VCCI', name: organizations[2]!.name },
    position: 'RESERVATION',
    rationale: 'VCCI ủng hộ mục tiêu chung nhưng đề nghị cân nhắc tổng chi phí lao động.',
    decidedOn: '2026-02-12',
    recordedBy: { id: 'u-employer', displayName: 'Phạm Thu Hà' },
    updatedAt: '2026-02-12T02:00:00.000Z',
    version: 1,
  },
];

export const evidence: Evidence[] = [
  {
    id: 'e-1',
    kind: 'LINK',
    title: 'Kế hoạch thực hiện Nghị quyết 42-NQ/TW (bản demo)',
    url: 'https://docs.demo.test/molisa/nq42/ke-hoach-thuc-hien-nq42.pdf',
    fileName: null,
    mimeType: null,
    sizeBytes: null,
    sha256: null,
    downloadUrl: null,
    progressUpdateId: null,
    uploadedById: 'u-official',
    createdAt: '2026-01-12T02:00:00.000Z',
  },
];

const membership = (role: Membership['role'], organization: Organization | null): Membership => ({
  workspace,
  role,
  organization,
});

/** The demo official (EDITOR, MOLISA), as `GET /api/auth/me` answers. */
export const me: Me = {
  user: {
    id: 'u-official',
    email: 'official@demo.test',
    displayName: 'Nguyễn Thị Lan',
    locale: 'vi',
  },
  memberships: [membership('EDITOR', organizations[0]!)],
};

/** The demo administrator (ADMIN, ILO-like organization). */
export const adminMe: Me = {
  user: { id: 'u-admin', email: 'admin@demo.test', displayName: 'Quản trị viên', locale: 'vi' },
  memberships: [membership('ADMIN', organizations[3]!)],
};

/** A user with the given role in the demo workspace. */
export const meAs = (role: Membership['role'], organization: Organization | null = null): Me => ({
  user: {
    id: `u-${role.toLowerCase()}`,
    email: `${role.toLowerCase()}@demo.test`,
    displayName: role,
    locale: 'vi',
  },
  memberships: [membership(role, organization)],
});

/** The MOLISA official of the demo data, as the members list shows her. */
export const officialMember: Member = {
  id: 'm-official',
  userId: 'u-official',
  email: 'official@demo.test',
  displayName: 'Nguyễn Thị Lan',
  role: 'EDITOR',
  organization: organizations[0]!,
  active: true,
  passwordSet: true,
  createdAt: '2025-01-01T00:00:00.000Z',
  version: 1,
};

/** The demo union representative (PARTNER, VGCL), author of comment cm-1. */
export const unionMe: Me = {
  user: { id: 'u-union', email: 'union@demo.test', displayName: 'Trần Văn Hùng', locale: 'vi' },
  memberships: [membership('PARTNER', organizations[1]!)],
};

/** The members list of the demo workspace, as far as the dialogue tests need it. */
export const members: Member[] = [
  officialMember,
  {
    ...officialMember,
    id: 'm-union',
    userId: 'u-union',
    email: 'union@demo.test',
    displayName: 'Trần Văn Hùng',
    role: 'PARTNER',
    organization: organizations[1]!,
  },
  {
    ...officialMember,
    id: 'm-employer',
    userId: 'u-employer',
    email: 'employer@demo.test',
    displayName: 'Phạm Thu Hà',
    role: 'PARTNER',
    organization: organizations[2]!,
  },
];

/** The reporting periods of the demo workspace: 2026-Q2 is current, 2025-Q4 closed. */
export const reportingPeriods: ReportingPeriod[] = (
  [
    ['2026-Q2', '2026-04-01', '2026-06-30', '2026-07-15', 'OPEN', true],
    ['2026-Q1', '2026-01-01', '2026-03-31', '2026-04-15', 'OPEN', false],
    ['2025-Q4', '2025-10-01', '2025-12-31', '2026-01-15', 'CLOSED', false],
  ] as const
).map(([key, startsOn, endsOn, dueOn, state, current]) => ({
  id: `p-${key.toLowerCase()}`,
  key,
  startsOn,
  endsOn,
  dueOn,
  state,
  current,
  closedAt: state === 'CLOSED' ? '2026-02-01T02:00:00.000Z' : null,
  closedBy: state === 'CLOSED' ? { id: 'u-admin', displayName: 'Quản trị viên' } : null,
  reopenedAt: null,
  reopenedBy: null,
  reopenReason: null,
  version: state === 'CLOSED' ? 2 : 1,
}));
