import { screen, within } from '@testing-library/react';
import { renderApp } from '../../test/render';
import {
  comments,
  commitmentDetail,
  evidence,
  indicators,
  organizations,
  page,
  positions,
  updates,
} from '../../test/fixtures';

const BASE = '/api/workspaces/viet-nam/commitments/c-nq42-1';
const routes = {
  '/api/workspaces/viet-nam/organizations': page(organizations),
  [BASE]: commitmentDetail,
  [`${BASE}/updates`]: page(updates),
  [`${BASE}/indicators`]: page(indicators),
  [`${BASE}/comments`]: page(comments),
  [`${BASE}/positions`]: page(positions),
  [`${BASE}/evidence`]: page(evidence),
};

describe('commitment detail', () => {
  it('renders the header and the overview', async () => {
    renderApp('/w/viet-nam/commitments/c-nq42-1', routes);

    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading).toHaveTextContent('NQ-42 1');
    expect(heading).toHaveTextContent('Phát triển hệ thống bảo trợ xã hội đa tầng');
    expect(screen.getAllByText('Đúng tiến độ')[0]).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Tiến độ NQ-42 1' })).toHaveAttribute(
      'aria-valuenow',
      '55',
    );

    const overview = screen.getByRole('region', { name: 'Tổng quan' });
    const field = (label: string) => within(overview).getByText(label).nextElementSibling;
    expect(within(overview).getByText(/hướng tới bao phủ toàn dân/)).toBeInTheDocument();
    expect(field('Chủ đề')).toHaveTextContent('An sinh xã hội');
    expect(await within(overview).findByText('MOLISA')).toBeInTheDocument();
    expect(field('Cơ quan phối hợp')).toHaveTextContent('VSS, VGCL');
    expect(field('Đầu mối')).toHaveTextContent('Nguyễn Thị Lan');
    expect(field('Nhóm đối tượng')).toHaveTextContent('Lao động phi chính thức, Người cao tuổi');
    expect(field('Hạn hoàn thành')).toHaveTextContent('31 thg 12, 2030');
    expect(field('Quá hạn')).toHaveTextContent('Chưa quá hạn');

    const alignment = within(overview).getByRole('link', { name: /ILC-2021 11\.C/ });
    expect(alignment).toHaveAttribute('href', '/w/viet-nam/commitments/c-ilc-11c');
  });

  it('shows the overview first, then switches tabs', async () => {
    const { user, history } = renderApp('/w/viet-nam/commitments/c-nq42-1', routes);

    expect(await screen.findByRole('tab', { name: 'Tổng quan' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await user.click(screen.getByRole('tab', { name: 'Báo cáo tiến độ' }));
    expect(history.location.search).toContain('tab=updates');
    // Progress reports: state badges and the return reason.
    expect(await screen.findByText('Kỳ báo cáo 2026-Q1')).toBeInTheDocument();
    expect(screen.getByText('Bị trả lại')).toBeInTheDocument();
    expect(screen.getByText('Đã phê duyệt')).toBeInTheDocument();
    expect(
      screen.getByText('Đề nghị bổ sung số liệu BHXH tự nguyện năm 2025.'),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Chỉ số' }));
    const table = await screen.findByRole('table', { name: 'Chỉ số đo lường của cam kết' });
    const row = within(table).getByRole('row', { name: /Tỷ lệ lực lượng lao động/ });
    expect(within(row).getByText('35,3 % (2020)')).toBeInTheDocument();
    expect(within(row).getByText('60 % (2030)')).toBeInTheDocument();
    expect(within(row).getByText('45,2 % (31 thg 12, 2025)')).toBeInTheDocument();
    expect(within(row).getByText('Chệch lộ trình')).toBeInTheDocument();
    expect(within(row).getByRole('img', { name: /3 lần đo/ })).toBeInTheDocument();
    expect(history.location.search).toContain('tab=indicators');
    expect(screen.queryByText('Kỳ báo cáo 2026-Q1')).not.toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Thảo luận' }));
    const concern = await screen.findByText('Số người rút BHXH một lần vẫn ở mức cao.');
    const thread = concern.closest('li')!;
    expect(within(thread).getByText('Quan ngại')).toBeInTheDocument();
    // The reply is nested inside its parent's thread.
    expect(within(thread).getByRole('list', { name: 'Trả lời' })).toHaveTextContent(
      'Cảm ơn ý kiến của Tổng LĐLĐ.',
    );

    await user.click(screen.getByRole('tab', { name: 'Quan điểm' }));
    const position = (await screen.findByRole('heading', { name: 'VCCI' })).closest('article')!;
    expect(within(position).getByText('Bảo lưu ý kiến')).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Minh chứng' }));
    expect(
      await screen.findByRole('link', {
        name: 'Kế hoạch thực hiện Nghị quyết 42-NQ/TW (bản demo)',
      }),
    ).toHaveAttribute('href', 'https://docs.demo.test/molisa/nq42/ke-hoach-thuc-hien-nq42.pdf');
  });

  it('opens the tab named in the URL and shows its empty state', async () => {
    renderApp('/w/viet-nam/commitments/c-nq42-1?tab=positions', {
      ...routes,
      [`${BASE}/positions`]: page([]),
    });
    expect(await screen.findByText('Chưa có tổ chức nào ghi nhận quan điểm.')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Quan điểm' })).toHaveAttribute('aria-selected', 'true');
  });

  it('shows the not-found page when the API answers 404', async () => {
    renderApp('/w/viet-nam/commitments/unknown-id', routes);
    expect(
      await screen.findByRole('heading', { name: 'Không tìm thấy trang' }),
    ).toBeInTheDocument();
  });
});
