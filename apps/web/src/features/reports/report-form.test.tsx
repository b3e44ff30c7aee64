import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, type MockRoutes } from '../../test/render';
import {
  commitmentDetail,
  indicators,
  me,
  organizations,
  page,
  reportingPeriods,
  updates,
} from '../../test/fixtures';
import type { ProgressUpdate } from '../../api/types';

const BASE = '/api/workspaces/viet-nam/commitments/c-nq42-1';
const returned = updates[0]!;

function routes(extra: MockRoutes = {}): MockRoutes {
  return {
    '/api/workspaces/viet-nam/organizations': page(organizations),
    '/api/workspaces/viet-nam/reporting-periods': page(reportingPeriods),
    [BASE]: commitmentDetail,
    [`${BASE}/updates`]: page(updates),
    [`${BASE}/indicators`]: page(indicators),
    [`${BASE}/evidence`]: page([]),
    ...extra,
  };
}

const openForm = () => screen.findByRole('form', { name: 'Báo cáo tiến độ' });

describe('the report form', () => {
  it('opens from the URL ("Write a report") on the commitment’s current status, progress and period', async () => {
    renderApp('/w/viet-nam/commitments/c-nq42-1?tab=updates&report=new', routes());
    const form = await openForm();
    // The current period of the workspace's calendar.
    expect(within(form).getByLabelText(/Kỳ báo cáo/)).toHaveValue('2026-Q2');
    expect(within(form).getByLabelText('Trạng thái đề xuất')).toHaveValue(commitmentDetail.status);
    expect(within(form).getByRole('textbox', { name: 'Tiến độ đề xuất (%)' })).toHaveValue(
      `${commitmentDetail.progress} %`,
    );
    expect(within(form).getByLabelText(/Nội dung báo cáo/)).toHaveValue('');
  });

  it('keeps the return reason in view while a returned report is revised, and shows its history', async () => {
    const { user } = renderApp(
      `/w/viet-nam/commitments/c-nq42-1?tab=updates&report=${returned.id}`,
      routes(),
    );
    const form = await openForm();
    const reason = within(form).getByText(returned.returnReason!);
    expect(reason.closest('[role="alert"], .mantine-Alert-root')).toHaveTextContent(
      'Lý do báo cáo bị trả lại',
    );
    expect(within(form).getByLabelText(/Nội dung báo cáo/)).toHaveValue(returned.narrative);

    await user.click(within(form).getByRole('button', { name: 'Hủy' }));
    const card = (await screen.findByRole('heading', { name: 'Kỳ báo cáo 2026-Q1' })).closest(
      'article',
    )!;
    const steps = within(card).getByRole('list', { name: 'Lịch sử báo cáo' });
    expect(
      within(steps)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      expect.stringMatching(/^Nguyễn Thị Lan gửi phê duyệt ngày/),
      expect.stringMatching(/^Võ Minh Tuấn trả lại ngày .* — Đề nghị bổ sung số liệu/),
    ]);
    expect(within(card).getByRole('button', { name: 'Sửa và gửi lại' })).toBeInTheDocument();
  });

  it('asks before dropping typed text (Escape, Cancel), and keeps it when the user goes on', async () => {
    const { user, history } = renderApp(
      '/w/viet-nam/commitments/c-nq42-1?tab=updates&report=new',
      routes(),
    );
    const form = await openForm();
    await user.type(within(form).getByLabelText(/Nội dung báo cáo/), 'Đã hoàn thành khảo sát.');

    await user.keyboard('{Escape}');
    const question = await screen.findByRole('dialog', { name: 'Bỏ các thay đổi chưa lưu?' });
    await user.click(within(question).getByRole('button', { name: 'Tiếp tục chỉnh sửa' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Bỏ các thay đổi chưa lưu?' })).toBeNull(),
    );
    expect(within(await openForm()).getByLabelText(/Nội dung báo cáo/)).toHaveValue(
      'Đã hoàn thành khảo sát.',
    );

    await user.click(within(await openForm()).getByRole('button', { name: 'Hủy' }));
    const again = await screen.findByRole('dialog', { name: 'Bỏ các thay đổi chưa lưu?' });
    await user.click(within(again).getByRole('button', { name: 'Bỏ thay đổi' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Báo cáo tiến độ' })).toBeNull());
    expect(new URLSearchParams(history.location.search).get('report')).toBeNull();
  });

  it('closes at once when nothing was typed', async () => {
    const { user } = renderApp('/w/viet-nam/commitments/c-nq42-1?tab=updates&report=new', routes());
    const form = await openForm();
    await user.click(within(form).getByRole('button', { name: 'Hủy' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Báo cáo tiến độ' })).toBeNull());
    expect(screen.queryByRole('dialog', { name: 'Bỏ các thay đổi chưa lưu?' })).toBeNull();
  });

  it('keeps the text when the session ended on submit: sign in over the page, then save', async () => {
    let signedIn = true;
    const created: ProgressUpdate = { ...returned, id: 'up-new', state: 'DRAFT', steps: [] };
    const { user, sent } = renderApp('/w/viet-nam/commitments/c-nq42-1?tab=updates&report=new', {
      ...routes(),
      [`POST ${BASE}/updates`]: (_url: URL, body: unknown) =>
        signedIn
          ? { status: 201, body: { ...created, ...(body as object) } }
          : { status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'Sign in' } },
      'POST /api/auth/login': () => {
        signedIn = true;
        return me;
      },
    });
    const form = await openForm();
    await user.type(within(form).getByLabelText(/Nội dung báo cáo/), 'Báo cáo quý dài và quý giá.');

    signedIn = false;
    await user.click(within(form).getByRole('button', { name: 'Lưu nháp' }));
    const dialog = await screen.findByRole('dialog', { name: 'Phiên làm việc đã kết thúc' });
    // The text is kept in this browser too, in case the tab is closed now.
    const stored = Object.keys(window.localStorage).find((key) => key.includes('report.viet-nam'));
    expect(window.localStorage.getItem(stored!)).toContain('Báo cáo quý dài và quý giá.');

    await user.type(within(dialog).getByLabelText(/^Mật khẩu/), 'tripartite-demo');
    await user.click(within(dialog).getByRole('button', { name: 'Đăng nhập lại' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Phiên làm việc đã kết thúc' })).toBeNull(),
    );
    const still = await openForm();
    expect(within(still).getByLabelText(/Nội dung báo cáo/)).toHaveValue(
      'Báo cáo quý dài và quý giá.',
    );
    await user.click(within(still).getByRole('button', { name: 'Lưu nháp' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Báo cáo tiến độ' })).toBeNull());
    const saves = sent.filter((r) => r.method === 'POST' && r.path === `${BASE}/updates`);
    expect(saves).toHaveLength(2);
    expect(saves[1]!.body).toMatchObject({ narrative: 'Báo cáo quý dài và quý giá.' });
    // Saved: the browser's copy is gone, and a success notification says so.
    expect(window.localStorage.getItem(stored!)).toBeNull();
    expect(await screen.findByText('Đã lưu báo cáo dưới dạng bản nháp.')).toBeInTheDocument();
  });

  it('offers back the text of a form closed without saving (a reload, a closed tab)', async () => {
    const first = renderApp('/w/viet-nam/commitments/c-nq42-1?tab=updates&report=new', routes());
    await first.user.type(
      within(await openForm()).getByLabelText(/Nội dung báo cáo/),
      'Bản nháp chưa lưu.',
    );
    first.unmount();

    renderApp('/w/viet-nam/commitments/c-nq42-1?tab=updates&report=new', routes());
    const form = await openForm();
    expect(within(form).getByLabelText(/Nội dung báo cáo/)).toHaveValue('Bản nháp chưa lưu.');
    expect(within(form).getByRole('status')).toHaveTextContent(/Đã khôi phục nội dung/);
  });
});
