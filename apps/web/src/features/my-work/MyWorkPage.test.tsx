import { screen, within } from '@testing-library/react';
import type { MyWork, MyWorkReport } from '../../api/types';
import { renderApp } from '../../test/render';
import {
  commitmentNq1,
  commitmentNq2,
  me,
  meAs,
  nq42,
  organizations,
  page,
} from '../../test/fixtures';

const MY_WORK = '/api/workspaces/viet-nam/my-work';

const report = (overrides: Partial<MyWorkReport>): MyWorkReport => ({
  id: 'r-1',
  commitment: {
    id: commitmentNq2.id,
    frameworkId: commitmentNq2.frameworkId,
    frameworkCode: 'NQ-42',
    reference: commitmentNq2.reference,
    title: commitmentNq2.title,
  },
  author: { id: 'u-official', displayName: 'Nguyễn Thị Lan' },
  period: '2026-Q3',
  status: 'AT_RISK',
  progress: 35,
  state: 'DRAFT',
  returnReason: null,
  submittedAt: null,
  decidedAt: null,
  updatedAt: '2026-11-20T08:00:00.000Z',
  ...overrides,
});

const empty: MyWork = {
  dueCommitments: [],
  returnedUpdates: [],
  awaitingApproval: [],
  drafts: [],
};

function routes(work: MyWork) {
  return {
    [MY_WORK]: work,
    '/api/workspaces/viet-nam/frameworks': page([nq42]),
    '/api/workspaces/viet-nam/organizations': page(organizations),
  };
}

const section = (name: string) => screen.getByRole('region', { name });

describe('my work', () => {
  it("shows the official their organization's due commitments, returned reports and drafts", async () => {
    renderApp(
      '/w/viet-nam/my-work',
      routes({
        dueCommitments: [commitmentNq2, commitmentNq1],
        returnedUpdates: [
          report({
            id: 'r-returned',
            state: 'RETURNED',
            returnReason: 'Thiếu minh chứng về số người tham gia',
            submittedAt: '2026-11-01T08:00:00.000Z',
          }),
        ],
        awaitingApproval: [],
        drafts: [report({ id: 'r-draft', period: '2026-Q4' })],
      }),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Việc của tôi' })).toBeVisible();

    const due = await screen.findByRole('region', { name: 'Cam kết cần cập nhật' });
    expect(within(due).getByText(/MOLISA chủ trì hoặc phối hợp/)).toBeInTheDocument();
    const dueLinks = within(due).getAllByRole('link', { name: /Phát triển/ });
    expect(dueLinks.map((link) => link.getAttribute('href'))).toEqual([
      `/w/viet-nam/commitments/${commitmentNq2.id}`,
      `/w/viet-nam/commitments/${commitmentNq1.id}`,
    ]);
    expect(within(due).getByText('Quá hạn')).toBeInTheDocument();
    expect(
      within(due).getByRole('link', { name: `Viết báo cáo: NQ-42 ${commitmentNq2.reference}` }),
    ).toHaveAttribute('href', `/w/viet-nam/commitments/${commitmentNq2.id}?tab=updates&report=new`);
    expect(within(due).getByRole('link', { name: 'Xem trong danh sách cam kết' })).toHaveAttribute(
      'href',
      '/w/viet-nam/commitments?needsUpdate=true&sort=targetDate',
    );

    const returned = section('Báo cáo bị trả lại');
    expect(within(returned).getByText('Thiếu minh chứng về số người tham gia')).toBeInTheDocument();
    expect(within(returned).getByRole('link', { name: /Sửa và gửi lại/ })).toHaveAttribute(
      'href',
      expect.stringMatching(
        new RegExp(`^/w/viet-nam/commitments/${commitmentNq2.id}\\?tab=updates&report=.+`),
      ),
    );

    const drafts = section('Bản nháp của tôi');
    expect(within(drafts).getByText(/Kỳ 2026-Q4/)).toBeInTheDocument();
    expect(within(drafts).getByRole('link', { name: /Tiếp tục viết/ })).toBeInTheDocument();

    // An EDITOR does not approve reports.
    expect(screen.queryByRole('region', { name: 'Báo cáo chờ duyệt' })).not.toBeInTheDocument();
  });

  it('shows the manager the reports waiting for approval with author, period and proposal', async () => {
    renderApp('/w/viet-nam/my-work', {
      ...routes({
        ...empty,
        awaitingApproval: [
          report({
            id: 'r-submitted',
            state: 'SUBMITTED',
            status: 'OFF_TRACK',
            progress: 20,
            submittedAt: '2026-11-02T08:00:00.000Z',
          }),
        ],
      }),
      '/api/auth/me': meAs('MANAGER', organizations[0]!),
    });
    const awaiting = await screen.findByRole('region', { name: 'Báo cáo chờ duyệt' });
    expect(within(awaiting).getByText(/Nguyễn Thị Lan gửi ngày 2 thg 11, 2026/)).toBeVisible();
    expect(within(awaiting).getByText(/Kỳ 2026-Q3/)).toBeInTheDocument();
    expect(within(awaiting).getByText('Chậm tiến độ')).toBeInTheDocument();
    expect(within(awaiting).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '20');
    expect(within(awaiting).getByRole('link', { name: /Xem xét và duyệt/ })).toHaveAttribute(
      'href',
      `/w/viet-nam/commitments/${commitmentNq2.id}?tab=updates`,
    );
    // A manager writes no reports: no returned/drafts sections; MOLISA's due list stays.
    expect(screen.queryByRole('region', { name: 'Báo cáo bị trả lại' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Bản nháp của tôi' })).not.toBeInTheDocument();
    expect(
      within(section('Cam kết cần cập nhật')).getByText(
        'Mọi cam kết của cơ quan bạn đều đã có báo cáo gần đây. Không cần làm gì thêm.',
      ),
    ).toBeInTheDocument();
  });

  it('says what to do when each section is empty', async () => {
    renderApp('/w/viet-nam/my-work', {
      ...routes(empty),
      '/api/auth/me': meAs('ADMIN', organizations[3]!),
    });
    expect(await screen.findByText(/Không có báo cáo nào chờ bạn duyệt/)).toBeInTheDocument();
    expect(screen.getByText(/Khi người quản lý trả lại báo cáo của bạn/)).toBeInTheDocument();
    expect(screen.getByText(/Bạn không có bản nháp nào/)).toBeInTheDocument();
    expect(screen.getByText(/Không cần làm gì thêm/)).toBeInTheDocument();
  });

  it('tells a viewer that nothing waits for them and links to the list', async () => {
    renderApp('/w/viet-nam/my-work', {
      ...routes(empty),
      '/api/auth/me': meAs('VIEWER'),
    });
    expect(
      await screen.findByText('Hiện không có việc gì chờ bạn trong không gian này.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Xem danh sách cam kết' })).toHaveAttribute(
      'href',
      '/w/viet-nam/commitments',
    );
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });

  it('is in the main navigation and is where an EDITOR lands', async () => {
    const { history } = renderApp('/', { ...routes(empty), '/api/auth/me': me });
    expect(await screen.findByRole('heading', { level: 1, name: 'Việc của tôi' })).toBeVisible();
    expect(history.location.pathname).toBe('/w/viet-nam/my-work');
    const nav = screen.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(within(nav).getByRole('link', { name: 'Việc của tôi' })).toHaveAttribute(
      'href',
      '/w/viet-nam/my-work',
    );
  });

  it('shows the error and retries', async () => {
    let calls = 0;
    const { user } = renderApp('/w/viet-nam/my-work', {
      ...routes(empty),
      [MY_WORK]: () => {
        calls += 1;
        return calls === 1
          ? { status: 500, body: { statusCode: 500, error: 'Error', message: 'Database down' } }
          : empty;
      },
    });
    const alert = await screen.findByRole('alert');
    // A bare 500 without the API's error shape: the status, never the server's words.
    expect(alert).toHaveTextContent('Máy chủ trả lời lỗi 500.');
    expect(alert).not.toHaveTextContent('Database down');
    await user.click(within(alert).getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByText(/Không cần làm gì thêm/)).toBeInTheDocument();
  });
});
