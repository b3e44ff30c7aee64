import { screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/render';
import { meAs, nq42, organizations, page, reportingPeriods } from '../../test/fixtures';
import type { PeriodReport } from '../../api/types';

const WS = '/api/workspaces/viet-nam';
const NO_FILTERS = { frameworkId: [], leadOrgId: [], theme: [], targetGroup: [] };

const ready: PeriodReport = {
  id: 'r-1',
  state: 'SUCCEEDED',
  periodId: 'p-2026-q1',
  periodKey: '2026-Q1',
  from: '2026-01-01',
  to: '2026-03-31',
  filters: { ...NO_FILTERS, frameworkId: [nq42.id] },
  language: 'vi',
  items: 42,
  sizeBytes: 48_000,
  fileName: 'bao-cao-ky-2026-Q1-viet-nam.pdf',
  failure: null,
  createdBy: { id: 'u-manager', displayName: 'Trần Quản Lý' },
  createdAt: '2026-04-20T03:00:00.000Z',
  startedAt: '2026-04-20T03:00:01.000Z',
  finishedAt: '2026-04-20T03:00:03.000Z',
};
const running: PeriodReport = {
  ...ready,
  id: 'r-2',
  state: 'RUNNING',
  items: null,
  sizeBytes: null,
  fileName: null,
  filters: NO_FILTERS,
  createdAt: '2026-04-21T03:00:00.000Z',
  finishedAt: null,
};

const base = {
  [`${WS}/frameworks`]: page([nq42]),
  [`${WS}/organizations`]: page(organizations),
  [`${WS}/reporting-periods`]: page(reportingPeriods),
};

describe('period reports page', () => {
  it('lets a manager generate a report for a period, in the language chosen', async () => {
    const { user, sent } = renderApp('/w/viet-nam/period-reports', {
      ...base,
      '/api/auth/me': meAs('MANAGER'),
      [`${WS}/period-reports`]: page([running, ready]),
      [`POST ${WS}/period-reports`]: {
        status: 202,
        body: { ...running, id: 'r-3', state: 'QUEUED' },
      },
    });
    await screen.findByRole('heading', { name: 'Báo cáo kỳ', level: 1 });
    const history = screen.getByRole('region', { name: 'Các báo cáo đã tạo' });
    const items = within(history).getAllByRole('listitem');
    expect(within(items[0]!).getByRole('status')).toHaveTextContent('Đang tạo báo cáo…');
    const link = within(items[1]!).getByRole('link', {
      name: 'Tải xuống bao-cao-ky-2026-Q1-viet-nam.pdf',
    });
    expect(link).toHaveAttribute('href', `${WS}/period-reports/r-1/download`);
    expect(items[1]).toHaveTextContent('42 cam kết');
    await waitFor(() => expect(items[1]).toHaveTextContent('Khung: NQ-42'));

    await user.selectOptions(screen.getByLabelText('Ngôn ngữ của báo cáo'), 'en');
    await user.click(screen.getByRole('button', { name: 'Tạo báo cáo' }));
    await waitFor(() =>
      expect(sent.find((r) => r.method === 'POST')?.body).toEqual({
        periodId: 'p-2026-q2',
        language: 'en',
      }),
    );
  });

  it('asks for both dates of a date range before sending', async () => {
    const { user, sent } = renderApp('/w/viet-nam/period-reports', {
      ...base,
      '/api/auth/me': meAs('ADMIN'),
      [`${WS}/period-reports`]: page([]),
    });
    await user.click(await screen.findByRole('radio', { name: 'Theo ngày' }));
    await user.click(screen.getByRole('button', { name: 'Tạo báo cáo' }));
    expect(await screen.findAllByText('Bắt buộc')).toHaveLength(2);
    expect(sent.some((r) => r.method === 'POST')).toBe(false);
  });

  it('shows a viewer the history only, and says when there is none', async () => {
    renderApp('/w/viet-nam/period-reports', {
      ...base,
      '/api/auth/me': meAs('VIEWER'),
      [`${WS}/period-reports`]: page([]),
    });
    expect(await screen.findByText('Chưa có báo cáo nào được tạo.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tạo báo cáo' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Báo cáo kỳ' })).toBeInTheDocument();
  });
});
