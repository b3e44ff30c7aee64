import { screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/render';
import { adminMe, meAs, nq42, organizations, page, reportingPeriods } from '../../test/fixtures';
import type { Compliance, ReportingCalendar } from '../../api/types';

const WS = '/api/workspaces/viet-nam';
const calendar: ReportingCalendar = {
  cadence: 'QUARTERLY',
  dueDays: 15,
  timeZone: 'Asia/Ho_Chi_Minh',
  version: 1,
};
const compliance: Compliance = {
  period: reportingPeriods[0]!,
  totals: {
    expected: 7,
    submittedOnTime: 1,
    submittedLate: 2,
    approved: 2,
    missing: 4,
    rate: 3 / 7,
  },
  organizations: [
    {
      organizationId: organizations[0]!.id,
      shortName: organizations[0]!.shortName,
      name: organizations[0]!.name,
      expected: 7,
      submittedOnTime: 1,
      submittedLate: 2,
      approved: 2,
      missing: 4,
      rate: 3 / 7,
    },
  ],
};
const base = {
  '/api/auth/me': adminMe,
  [`${WS}/frameworks`]: page([nq42]),
  [`${WS}/organizations`]: page(organizations),
  [`${WS}/reporting-periods`]: page(reportingPeriods),
  [`${WS}/reporting-calendar`]: calendar,
  [`${WS}/compliance`]: compliance,
};

describe('reporting compliance page', () => {
  it('shows the current period’s counts per lead organization, and opens another period', async () => {
    const { user, history, sent } = renderApp('/w/viet-nam/compliance', {
      ...base,
      '/api/auth/me': meAs('VIEWER'),
    });
    await screen.findByRole('heading', { name: 'Tuân thủ báo cáo', level: 1 });
    const table = await screen.findByRole('table', {
      name: 'Tuân thủ báo cáo kỳ 2026-Q2 theo cơ quan chủ trì',
    });
    const row = within(table).getByRole('row', { name: /MOLISA/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['7', '1', '2', '2', '4', '42,9%']);
    await user.selectOptions(screen.getByLabelText('Kỳ báo cáo'), 'p-2025-q4');
    await waitFor(() => expect(history.location.search).toContain('periodId=p-2025-q4'));
    await waitFor(() =>
      expect(
        sent.some(
          (r) => r.path === `${WS}/compliance` && r.url.search.includes('periodId=p-2025-q4'),
        ),
      ).toBe(true),
    );
  });
});

describe('Administration › Reporting', () => {
  it('saves the calendar naming the version it edits', async () => {
    const { user, sent } = renderApp('/w/viet-nam/admin/reporting', {
      ...base,
      [`PUT ${WS}/reporting-calendar`]: { ...calendar, dueDays: 20, version: 2 },
    });
    const dueDays = await screen.findByLabelText(/Hạn nộp \(số ngày/);
    await user.clear(dueDays);
    await user.type(dueDays, '20');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Đã lưu lịch báo cáo.');
    const put = sent.find((r) => r.method === 'PUT')!;
    expect(put.body).toEqual({ cadence: 'QUARTERLY', dueDays: 20, timeZone: 'Asia/Ho_Chi_Minh' });
    expect(put.headers.get('if-match')).toBe('"1"');
  });

  it('closes a period after confirming, and reopens one only with a reason', async () => {
    const { user, sent } = renderApp('/w/viet-nam/admin/reporting', {
      ...base,
      [`POST ${WS}/reporting-periods/p-2026-q1/close`]: {
        ...reportingPeriods[1]!,
        state: 'CLOSED',
      },
      [`POST ${WS}/reporting-periods/p-2025-q4/reopen`]: { ...reportingPeriods[2]!, state: 'OPEN' },
    });
    await user.click(await screen.findByRole('button', { name: 'Đóng kỳ 2026-Q1' }));
    const confirm = await screen.findByRole('dialog', { name: 'Đóng kỳ 2026-Q1?' });
    expect(sent.some((r) => r.method === 'POST')).toBe(false);
    await user.click(within(confirm).getByRole('button', { name: 'Đóng kỳ' }));
    await waitFor(() =>
      expect(sent.some((r) => r.path === `${WS}/reporting-periods/p-2026-q1/close`)).toBe(true),
    );

    await user.click(await screen.findByRole('button', { name: 'Mở lại kỳ 2025-Q4' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mở lại kỳ 2025-Q4' });
    await user.type(within(dialog).getByLabelText(/Lý do/), 'Chấp nhận báo cáo muộn');
    await user.click(within(dialog).getByRole('button', { name: 'Mở lại' }));
    await waitFor(() => {
      const reopen = sent.find((r) => r.path === `${WS}/reporting-periods/p-2025-q4/reopen`);
      expect(reopen?.body).toEqual({ reason: 'Chấp nhận báo cáo muộn' });
    });
  });

  it('is not offered to a manager', async () => {
    renderApp('/w/viet-nam/admin/reporting', { ...base, '/api/auth/me': meAs('MANAGER') });
    expect(
      await screen.findByRole('heading', { name: 'Không có quyền truy cập' }),
    ).toBeInTheDocument();
  });
});
