import { act, screen, waitFor, within } from '@testing-library/react';
import { renderApp, type MockRoutes } from '../../test/render';
import {
  commitmentDetail,
  indicators,
  me,
  meAs,
  nq42,
  organizations,
  page,
  reportingPeriods,
  updates,
} from '../../test/fixtures';
import type { CommitmentDetail, Framework, ProgressUpdate } from '../../api/types';
import { installFakeXhr, type FakeXhr } from '../evidence/fake-xhr';

const BASE = '/api/workspaces/viet-nam/commitments/c-nq42-1';
const DETAIL = '/w/viet-nam/commitments/c-nq42-1?tab=updates';

const draft: ProgressUpdate = {
  ...updates[1]!,
  id: 'up-3',
  period: '2026-Q2',
  state: 'DRAFT',
  status: 'ON_TRACK',
  progress: 80,
  narrative: 'Đã trình Chính phủ dự thảo Nghị định.',
  submittedAt: null,
  decidedAt: null,
  decidedById: null,
  createdAt: '2026-06-20T02:00:00.000Z',
};
const submitted: ProgressUpdate = {
  ...draft,
  state: 'SUBMITTED',
  submittedAt: '2026-06-21T02:00:00.000Z',
};

function routes(list: ProgressUpdate[], extra: MockRoutes = {}): MockRoutes {
  return {
    '/api/workspaces/viet-nam/organizations': page(organizations),
    '/api/workspaces/viet-nam/reporting-periods': page(reportingPeriods),
    [BASE]: commitmentDetail,
    [`${BASE}/updates`]: page(list),
    [`${BASE}/indicators`]: page(indicators),
    [`${BASE}/evidence`]: page([]),
    ...extra,
  };
}

const article = async (period: string) =>
  (await screen.findByRole('heading', { name: `Kỳ báo cáo ${period}` })).closest('article')!;

describe('progress reports timeline', () => {
  it('lists reports newest first with their state, proposal and return reason', async () => {
    renderApp(DETAIL, routes([updates[1]!, updates[0]!, draft]));
    const timeline = await screen.findByLabelText('Dòng thời gian báo cáo tiến độ');
    const headings = within(timeline).getAllByRole('heading', { level: 3 });
    expect(headings.map((heading) => heading.textContent)).toEqual([
      'Kỳ báo cáo 2026-Q2',
      'Kỳ báo cáo 2026-Q1',
      'Kỳ báo cáo 2025-Q4',
    ]);
    const returned = await article('2026-Q1');
    expect(within(returned).getByText('Bị trả lại')).toBeInTheDocument();
    // The author (the signed-in official) sees the reason as an alert addressed to them.
    expect(within(returned).getByRole('alert')).toHaveTextContent(
      'Đề nghị bổ sung số liệu BHXH tự nguyện năm 2025.',
    );
    expect(within(returned).getByText('Đề xuất: Có rủi ro, tiến độ 50%')).toBeInTheDocument();
  });

  it('gives the author Edit and Submit on drafts and returned reports, and submits', async () => {
    let current = draft;
    const { user, sent } = renderApp(
      DETAIL,
      routes([], {
        [`${BASE}/updates`]: () => page([current]),
        [`POST ${BASE}/updates/up-3/submit`]: () => {
          current = submitted;
          return submitted;
        },
      }),
    );
    const card = await article('2026-Q2');
    expect(within(card).queryByRole('button', { name: 'Phê duyệt' })).toBeNull();
    expect(within(card).queryByRole('button', { name: 'Trả lại' })).toBeNull();
    expect(within(card).getByRole('button', { name: 'Sửa' })).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Gửi phê duyệt' }));
    await waitFor(() => expect(within(card).getByText('Chờ phê duyệt')).toBeInTheDocument());
    expect(sent.some((r) => r.method === 'POST' && r.path.endsWith('/up-3/submit'))).toBe(true);
    // Submitted: the author can no longer change it.
    expect(within(card).queryByRole('button', { name: 'Sửa' })).toBeNull();
    expect(within(card).queryByRole('button', { name: 'Gửi phê duyệt' })).toBeNull();
  });

  it('shows the consistency errors of a refused submission by field', async () => {
    const { user } = renderApp(
      DETAIL,
      routes([{ ...draft, status: 'COMPLETED', progress: 100 }], {
        [`POST ${BASE}/updates/up-3/submit`]: {
          status: 400,
          body: {
            statusCode: 400,
            error: 'Bad Request',
            message: 'Validation failed',
            details: [
              {
                field: 'status',
                code: 'completedNeedsEvidence',
                message: 'COMPLETED needs at least one evidence item',
              },
            ],
          },
        },
      }),
    );
    const card = await article('2026-Q2');
    await user.click(within(card).getByRole('button', { name: 'Gửi phê duyệt' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent(
      'Trạng thái đề xuất: Trạng thái Hoàn thành cần ít nhất một minh chứng.',
    );
  });

  it('gives a manager Approve and Return on submitted reports of others, nothing else', async () => {
    renderApp(DETAIL, routes([submitted, updates[0]!], { '/api/auth/me': meAs('MANAGER') }));
    const card = await article('2026-Q2');
    expect(within(card).getByRole('button', { name: 'Phê duyệt' })).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Trả lại' })).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Sửa' })).toBeNull();
    // A returned report waits for its author: no decision on it.
    const returned = await article('2026-Q1');
    expect(within(returned).queryByRole('button')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Báo cáo mới' })).toBeNull();
  });

  it('never offers a decision on the user’s own report (four eyes)', async () => {
    const own = { ...submitted, authorId: 'u-admin', author: { id: 'u-admin', displayName: 'A' } };
    renderApp(
      DETAIL,
      routes([own], {
        '/api/auth/me': {
          ...me,
          user: { ...me.user, id: 'u-admin' },
          memberships: [{ ...me.memberships[0]!, role: 'ADMIN' }],
        },
      }),
    );
    const card = await article('2026-Q2');
    expect(within(card).queryByRole('button', { name: 'Phê duyệt' })).toBeNull();
    expect(within(card).queryByRole('button', { name: 'Trả lại' })).toBeNull();
  });

  it('shows a viewer no action at all', async () => {
    renderApp(
      DETAIL,
      routes([draft, { ...submitted, id: 'up-4' }], { '/api/auth/me': meAs('VIEWER') }),
    );
    await screen.findAllByRole('heading', { name: 'Kỳ báo cáo 2026-Q2' });
    const timeline = screen.getByLabelText('Dòng thời gian báo cáo tiến độ');
    expect(within(timeline).queryAllByRole('button')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Báo cáo mới' })).toBeNull();
  });

  it('hides "New report" from an editor of another organization', async () => {
    renderApp(DETAIL, routes([], { '/api/auth/me': meAs('EDITOR', organizations[2]!) }));
    await screen.findByText('Chưa có báo cáo tiến độ nào.');
    expect(screen.queryByRole('button', { name: 'Báo cáo mới' })).toBeNull();
  });

  it('requires a reason to return a report, then sends it', async () => {
    const { user, sent } = renderApp(
      DETAIL,
      routes([submitted], {
        '/api/auth/me': meAs('MANAGER'),
        [`POST ${BASE}/updates/up-3/return`]: (_url: URL, body: unknown) => ({
          ...submitted,
          state: 'RETURNED',
          returnReason: (body as { reason: string }).reason,
        }),
      }),
    );
    const card = await article('2026-Q2');
    await user.click(within(card).getByRole('button', { name: 'Trả lại' }));
    const dialog = await screen.findByRole('dialog', { name: 'Trả lại báo cáo kỳ 2026-Q2' });
    await user.click(within(dialog).getByRole('button', { name: 'Trả lại' }));
    expect(await within(dialog).findByText('Hãy nêu lý do trả lại.')).toBeInTheDocument();
    expect(sent.some((r) => r.path.endsWith('/return'))).toBe(false);

    await user.type(within(dialog).getByLabelText(/Lý do trả lại/), 'Thiếu số liệu quý 2.');
    await user.click(within(dialog).getByRole('button', { name: 'Trả lại' }));
    await waitFor(() => expect(sent.some((r) => r.path.endsWith('/return'))).toBe(true));
    expect(sent.find((r) => r.path.endsWith('/return'))!.body).toEqual({
      reason: 'Thiếu số liệu quý 2.',
    });
  });

  it('approves after confirmation and shows the commitment’s new status and progress', async () => {
    let commitment: CommitmentDetail = commitmentDetail;
    let list = [submitted];
    let frameworks: Framework[] = [nq42];
    const { user, sent, queryClient } = renderApp(
      DETAIL,
      routes([], {
        '/api/auth/me': meAs('MANAGER'),
        [BASE]: () => commitment,
        [`${BASE}/updates`]: () => page(list),
        '/api/workspaces/viet-nam/frameworks': () => page(frameworks),
        [`POST ${BASE}/updates/up-3/approve`]: () => {
          commitment = { ...commitmentDetail, status: 'ON_TRACK', progress: 80 };
          list = [{ ...submitted, state: 'APPROVED', decidedAt: '2026-06-22T02:00:00.000Z' }];
          frameworks = [{ ...nq42, progress: 60 }];
          return list[0];
        },
      }),
    );
    // The frameworks list was seen before (e.g. on the home page): it must go stale too.
    await queryClient.prefetchQuery({
      queryKey: ['frameworks', 'list', 'viet-nam'],
      queryFn: () => [nq42],
    });
    const bar = await screen.findByRole('progressbar', { name: 'Tiến độ NQ-42 1' });
    expect(bar).toHaveAttribute('aria-valuenow', '55');

    const card = await article('2026-Q2');
    await user.click(within(card).getByRole('button', { name: 'Phê duyệt' }));
    const dialog = await screen.findByRole('dialog', { name: 'Phê duyệt báo cáo' });
    expect(dialog).toHaveTextContent('tiến độ 80%');
    expect(sent.some((r) => r.path.endsWith('/approve'))).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Phê duyệt' }));

    await waitFor(() =>
      expect(screen.getByRole('progressbar', { name: 'Tiến độ NQ-42 1' })).toHaveAttribute(
        'aria-valuenow',
        '80',
      ),
    );
    expect(await within(card).findByText('Đã phê duyệt')).toBeInTheDocument();
    expect(queryClient.getQueryState(['frameworks', 'list', 'viet-nam'])?.isInvalidated).toBe(true);
  });

  it('says the report changed state when a decision answers 409, and refreshes it', async () => {
    let list = [submitted];
    const { user } = renderApp(
      DETAIL,
      routes([], {
        '/api/auth/me': meAs('MANAGER'),
        [`${BASE}/updates`]: () => page(list),
        [`POST ${BASE}/updates/up-3/approve`]: () => {
          list = [{ ...submitted, state: 'RETURNED', returnReason: 'Đã trả lại trước.' }];
          return {
            status: 409,
            body: { statusCode: 409, error: 'Conflict', message: 'RETURNED cannot be approved' },
          };
        },
      }),
    );
    const card = await article('2026-Q2');
    await user.click(within(card).getByRole('button', { name: 'Phê duyệt' }));
    const dialog = await screen.findByRole('dialog', { name: 'Phê duyệt báo cáo' });
    await user.click(within(dialog).getByRole('button', { name: 'Phê duyệt' }));
    expect(await within(card).findByText(/Báo cáo này vừa đổi trạng thái/)).toBeInTheDocument();
    expect(await within(card).findByText('Đã trả lại trước.')).toBeInTheDocument();
  });

  it('decides on the version it shows (If-Match); a 412 says the report changed and reloads it', async () => {
    let list = [{ ...submitted, version: 3 }];
    const { user, sent } = renderApp(
      DETAIL,
      routes([], {
        '/api/auth/me': meAs('MANAGER'),
        [`${BASE}/updates`]: () => page(list),
        [`POST ${BASE}/updates/up-3/approve`]: () => {
          const current = { ...submitted, version: 5, narrative: 'Đã sửa sau khi bị trả lại.' };
          list = [current];
          return {
            status: 412,
            body: { statusCode: 412, error: 'Precondition Failed', message: 'stale', current },
          };
        },
      }),
    );
    const card = await article('2026-Q2');
    await user.click(within(card).getByRole('button', { name: 'Phê duyệt' }));
    const dialog = await screen.findByRole('dialog', { name: 'Phê duyệt báo cáo' });
    await user.click(within(dialog).getByRole('button', { name: 'Phê duyệt' }));

    expect(await within(card).findByText(/đã được thay đổi sau khi bạn mở/)).toBeInTheDocument();
    expect(sent.find((r) => r.path.endsWith('/approve'))!.headers.get('If-Match')).toBe('"3"');
    expect(await within(card).findByText('Đã sửa sau khi bị trả lại.')).toBeInTheDocument();
  });
});

describe('report form', () => {
  let xhr: ReturnType<typeof installFakeXhr>;
  beforeEach(() => {
    xhr = installFakeXhr();
  });
  afterEach(() => xhr.restore());

  it('saves a draft with indicator values and uploads its file with a progress bar', async () => {
    let list: ProgressUpdate[] = [];
    const { user, sent } = renderApp(
      DETAIL,
      routes([], {
        [`${BASE}/updates`]: () => page(list),
        [`POST ${BASE}/updates`]: (_url: URL, body: unknown) => {
          list = [{ ...draft, ...(body as object) }];
          return { status: 201, body: list[0] };
        },
      }),
    );
    await user.click(await screen.findByRole('button', { name: 'Báo cáo mới' }));
    const form = await screen.findByRole('form', { name: 'Báo cáo tiến độ' });
    // The open periods, the current one chosen; a closed period is not offered.
    const period = within(form).getByLabelText(/Kỳ báo cáo/);
    await waitFor(() => expect(period).toHaveValue('2026-Q2'));
    expect(
      within(period)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['2026-Q2 (hạn 15 thg 7, 2026)', '2026-Q1 (hạn 15 thg 4, 2026)']);
    await user.selectOptions(within(form).getByLabelText('Trạng thái đề xuất'), 'ON_TRACK');
    const progress = within(form).getByRole('textbox', { name: 'Tiến độ đề xuất (%)' });
    await user.clear(progress);
    await user.type(progress, '80');
    await user.type(within(form).getByLabelText(/Nội dung báo cáo/), 'Đã trình dự thảo.');
    await user.type(within(form).getByLabelText(/Tỷ lệ lực lượng lao động.*\(%\)/), '47,1');

    const pdf = new File(['%PDF-1.4 demo'], 'bao-cao.pdf', { type: 'application/pdf' });
    await user.upload(within(form).getByLabelText('Tệp minh chứng'), pdf);
    expect(within(form).getByText(/bao-cao\.pdf/)).toBeInTheDocument();

    await user.click(within(form).getByRole('button', { name: 'Lưu nháp' }));
    const upload: FakeXhr = await xhr.next();
    const created = sent.find((r) => r.method === 'POST' && r.path === `${BASE}/updates`)!;
    expect(created.body).toMatchObject({
      period: '2026-Q2',
      status: 'ON_TRACK',
      progress: 80,
      narrative: 'Đã trình dự thảo.',
      indicatorValues: [{ indicatorId: 'ind-1', value: 47.1 }],
    });
    expect(upload.url).toBe(`${BASE}/updates/up-3/evidence`);
    expect(upload.headers['X-Requested-With']).toBe('spct-web');
    expect((upload.body as FormData).get('file')).toBeInstanceOf(File);

    act(() => upload.progress(6, 12));
    const bar = await screen.findByRole('progressbar', { name: 'Đang tải lên bao-cao.pdf' });
    expect(bar).toHaveAttribute('aria-valuenow', '50');
    act(() => upload.respond(201, { id: 'e-9', title: 'bao-cao.pdf' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Báo cáo tiến độ' })).toBeNull());
    expect(await article('2026-Q2')).toBeInTheDocument();
  });

  it('shows the API’s field errors under the fields', async () => {
    const { user } = renderApp(
      DETAIL,
      routes([], {
        [`POST ${BASE}/updates`]: {
          status: 400,
          body: {
            statusCode: 400,
            error: 'Bad Request',
            message: 'Validation failed',
            details: [
              {
                field: 'narrative',
                code: 'tooShort',
                message: 'must be longer than or equal to 1 characters',
                min: 1,
              },
            ],
          },
        },
      }),
    );
    await user.click(await screen.findByRole('button', { name: 'Báo cáo mới' }));
    const form = await screen.findByRole('form', { name: 'Báo cáo tiến độ' });
    const narrative = within(form).getByLabelText(/Nội dung báo cáo/);
    // The form's own check first: nothing is sent without a narrative.
    await user.click(within(form).getByRole('button', { name: 'Lưu nháp' }));
    expect(await within(form).findByText('Bắt buộc nhập.')).toBeVisible();
    expect(narrative).toHaveAttribute('aria-invalid', 'true');

    await user.type(narrative, '   .');
    await user.click(within(form).getByRole('button', { name: 'Lưu nháp' }));
    await waitFor(() => expect(within(form).getByText('Ít nhất 1 ký tự.')).toBeVisible());
    expect(narrative).toHaveAttribute('aria-invalid', 'true');
  });

  it('refuses a file over 25 MB before sending anything', async () => {
    const { user } = renderApp(DETAIL, routes([]));
    await user.click(await screen.findByRole('button', { name: 'Báo cáo mới' }));
    const form = await screen.findByRole('form', { name: 'Báo cáo tiến độ' });
    const big = new File(['x'], 'lon.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 26 * 1024 * 1024 });
    await user.upload(within(form).getByLabelText('Tệp minh chứng'), big);
    expect(within(form).getByText(/lon\.pdf \(26 MB\) vượt quá giới hạn 25 MB/)).toBeVisible();
    expect(xhr.sent).toHaveLength(0);
  });

  it('sends If-Match on a save; on 412 keeps the input, shows the stored report and reapplies on the new version', async () => {
    const theirs: ProgressUpdate = {
      ...draft,
      narrative: 'Nội dung do người khác lưu.',
      progress: 85,
      version: draft.version + 1,
    };
    let attempts = 0;
    const { user, sent } = renderApp(
      DETAIL,
      routes([draft], {
        [`PATCH ${BASE}/updates/up-3`]: (_url: URL, body: unknown) => {
          attempts += 1;
          if (attempts === 1) {
            return {
              status: 412,
              body: {
                statusCode: 412,
                error: 'Precondition Failed',
                message: 'stale',
                current: theirs,
              },
            };
          }
          return { ...theirs, ...(body as object), version: theirs.version + 1 };
        },
      }),
    );
    const card = await article('2026-Q2');
    await user.click(within(card).getByRole('button', { name: 'Sửa' }));
    const form = await screen.findByRole('form', { name: 'Báo cáo tiến độ' });
    const narrative = within(form).getByLabelText(/Nội dung báo cáo/);
    await user.clear(narrative);
    await user.type(narrative, 'Nội dung của tôi.');
    await user.click(within(form).getByRole('button', { name: 'Lưu nháp' }));

    const alert = await within(form).findByRole('alert', {
      name: 'Báo cáo đã được người khác lưu trong lúc bạn sửa',
    });
    expect(alert).toHaveTextContent('Nội dung do người khác lưu.');
    expect(alert).toHaveTextContent(`Phiên bản hiện tại là ${theirs.version}`);
    expect(narrative).toHaveValue('Nội dung của tôi.');
    const patches = () => sent.filter((r) => r.method === 'PATCH');
    expect(patches()[0]!.headers.get('if-match')).toBe(`"${draft.version}"`);

    await user.click(
      within(alert).getByRole('button', { name: 'Lưu nội dung của tôi đè lên phiên bản này' }),
    );
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Báo cáo tiến độ' })).toBeNull());
    expect(patches()).toHaveLength(2);
    expect(patches()[1]!.headers.get('if-match')).toBe(`"${theirs.version}"`);
    expect(patches()[1]!.body).toMatchObject({ narrative: 'Nội dung của tôi.' });
  });

  it('loads the stored report into the form when the user keeps theirs after a 412', async () => {
    const theirs: ProgressUpdate = {
      ...draft,
      narrative: 'Nội dung do người khác lưu.',
      version: draft.version + 1,
    };
    const { user } = renderApp(
      DETAIL,
      routes([draft], {
        [`PATCH ${BASE}/updates/up-3`]: {
          status: 412,
          body: {
            statusCode: 412,
            error: 'Precondition Failed',
            message: 'stale',
            current: theirs,
          },
        },
      }),
    );
    await user.click(within(await article('2026-Q2')).getByRole('button', { name: 'Sửa' }));
    const form = await screen.findByRole('form', { name: 'Báo cáo tiến độ' });
    const narrative = within(form).getByLabelText(/Nội dung báo cáo/);
    await user.clear(narrative);
    await user.type(narrative, 'Của tôi');
    await user.click(within(form).getByRole('button', { name: 'Lưu nháp' }));
    const alert = await within(form).findByRole('alert', {
      name: 'Báo cáo đã được người khác lưu trong lúc bạn sửa',
    });
    await user.click(within(alert).getByRole('button', { name: 'Giữ phiên bản đã lưu' }));
    expect(narrative).toHaveValue('Nội dung do người khác lưu.');
    expect(
      within(form).queryByRole('alert', {
        name: 'Báo cáo đã được người khác lưu trong lúc bạn sửa',
      }),
    ).toBeNull();
  });
});
