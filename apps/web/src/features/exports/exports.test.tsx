import { screen, within } from '@testing-library/react';
import i18n from '../../i18n';
import { renderApp } from '../../test/render';
import { meAs, nq42, organizations, page, reportingPeriods } from '../../test/fixtures';
import { monthTrend, offTrackItem, summary } from '../../test/dashboardFixtures';
import type { Compliance } from '../../api/types';

const WS = '/api/workspaces/viet-nam';

/** The download links of an export group, by format. */
function links(group: HTMLElement) {
  const [xlsx, csv] = within(group).getAllByRole('link');
  return {
    xlsx: new URL(xlsx!.getAttribute('href')!, window.location.origin),
    csv: new URL(csv!.getAttribute('href')!, window.location.origin),
  };
}

describe('export buttons', () => {
  it('export the dashboard’s numbers with its filters, as files, in the language on screen', async () => {
    renderApp('/w/viet-nam/dashboard?leadOrgId=o-molisa&frameworkId=f-nq42', {
      '/api/auth/me': meAs('VIEWER'),
      [`${WS}/frameworks`]: page([nq42]),
      [`${WS}/organizations`]: page(organizations),
      [`${WS}/dashboard/summary`]: summary,
      [`${WS}/dashboard/trend`]: monthTrend,
      [`${WS}/dashboard/attention`]: { items: [offTrackItem], nextCursor: null, total: 1 },
    });
    const group = await screen.findByRole('group', { name: 'Xuất số liệu tổng quan' });
    const { xlsx, csv } = links(group);
    expect(xlsx.pathname).toBe(`${WS}/exports/dashboard.xlsx`);
    expect(csv.pathname).toBe(`${WS}/exports/dashboard.csv`);
    expect(xlsx.searchParams.getAll('leadOrgId')).toEqual(['o-molisa']);
    expect(xlsx.searchParams.getAll('frameworkId')).toEqual(['f-nq42']);
    expect(xlsx.searchParams.get('lang')).toBe('vi');
    expect(within(group).getByRole('link', { name: 'Xuất Excel' })).toHaveAttribute('download');
  });

  it('export the progress reports of the period on screen, by its key, in English when chosen', async () => {
    const period = reportingPeriods[0]!;
    const compliance: Compliance = {
      period,
      totals: {
        expected: 1,
        submittedOnTime: 1,
        submittedLate: 0,
        approved: 0,
        missing: 0,
        rate: 1,
      },
      organizations: [],
    };
    const manager = meAs('MANAGER');
    await i18n.changeLanguage('en');
    renderApp('/w/viet-nam/compliance', {
      '/api/auth/me': { ...manager, user: { ...manager.user, locale: 'en' } },
      [`${WS}/reporting-periods`]: page(reportingPeriods),
      [`${WS}/compliance`]: compliance,
    });
    const group = await screen.findByRole('group', {
      name: `Export the progress reports of ${period.key}`,
    });
    const { xlsx, csv } = links(group);
    expect(xlsx.pathname).toBe(`${WS}/exports/reports.xlsx`);
    expect(csv.searchParams.get('period')).toBe(period.key);
    expect(csv.searchParams.get('lang')).toBe('en');
  });
});
