import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, type MockRoutes } from '../../test/render';
import { commitmentDetail, indicators, meAs, organizations, page } from '../../test/fixtures';
import type { Indicator } from '../../api/types';

const BASE = '/api/workspaces/viet-nam/commitments/c-nq42-1';
const TAB = '/w/viet-nam/commitments/c-nq42-1?tab=indicators';

function routes(list: Indicator[] | (() => unknown), extra: MockRoutes = {}): MockRoutes {
  return {
    '/api/workspaces/viet-nam/organizations': page(organizations),
    [BASE]: commitmentDetail,
    [`${BASE}/indicators`]: typeof list === 'function' ? list : page(list),
    ...extra,
  };
}

const section = async (name: RegExp) =>
  (await screen.findByRole('region', { name })).closest('section')!;

describe('indicators tab', () => {
  it('draws each indicator against its baseline→target line, with the off-track badge', async () => {
    const { container } = renderApp(TAB, routes(indicators));
    const card = await section(/^Tỷ lệ lực lượng lao động/);
    expect(within(card).getByText('Chệch lộ trình')).toBeInTheDocument();
    expect(within(card).getByText(/Đơn vị: %/)).toBeInTheDocument();
    expect(within(card).getByText(/Từ 35,3 % \(2020\) đến 60 % \(2030\)/)).toBeInTheDocument();
    expect(within(card).getByText(/Nguồn: BHXH Việt Nam/)).toBeInTheDocument();

    // The chart: a dashed trajectory, the measured line with a point per measurement, the target.
    const chart = within(card).getByTestId('indicator-chart');
    await waitFor(() => expect(chart.querySelectorAll('.recharts-line')).toHaveLength(2));
    const [trajectory, measured] = Array.from(chart.querySelectorAll('.recharts-line-curve'));
    expect(trajectory).toHaveAttribute('stroke-dasharray', '6 4');
    expect(measured).not.toHaveAttribute('stroke-dasharray');
    expect(chart.querySelectorAll('.recharts-line-dots circle')).toHaveLength(3);
    expect(chart.querySelector('.recharts-reference-dot')).not.toBeNull();
    expect(container.querySelector('figure[aria-label^="Biểu đồ Tỷ lệ"]')).not.toBeNull();

    // Its text alternative: the measurements, newest first.
    const table = within(card).getByRole('table', { name: /^Số liệu đo: Tỷ lệ/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      '31 thg 12, 202545,2—',
      '31 thg 12, 202442,1—',
      '31 thg 12, 202339,3—',
    ]);
  });

  it('shows an on-track badge for an indicator keeping up', async () => {
    renderApp(TAB, routes([{ ...indicators[0]!, onTrack: true }]));
    const card = await section(/^Tỷ lệ lực lượng lao động/);
    expect(within(card).getByText('Đúng lộ trình')).toBeInTheDocument();
    expect(within(card).queryByText('Chệch lộ trình')).toBeNull();
  });

  it('lets the lead organization’s editor add a measurement', async () => {
    let list = indicators;
    const { user, sent } = renderApp(
      TAB,
      routes(() => page(list), {
        [`POST ${BASE}/indicators/ind-1/measurements`]: (_url: URL, body: unknown) => {
          const m = body as { measuredOn: string; value: number; source?: string };
          list = [
            {
              ...indicators[0]!,
              measurements: [
                ...indicators[0]!.measurements,
                {
                  id: 'm4',
                  indicatorId: 'ind-1',
                  createdById: 'u-official',
                  createdAt: '',
                  source: m.source ?? null,
                  measuredOn: m.measuredOn,
                  value: m.value,
                },
              ],
            },
          ];
          return { status: 201, body: list[0]!.measurements[3] };
        },
      }),
    );
    const card = await section(/^Tỷ lệ lực lượng lao động/);
    await user.click(within(card).getByRole('button', { name: /Thêm số liệu đo cho/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Thêm số liệu đo' });
    const date = within(dialog).getByLabelText(/Ngày đo/);
    await user.clear(date);
    await user.type(date, '2026-06-30');
    await user.type(within(dialog).getByLabelText(/Giá trị/), '48');
    await user.type(within(dialog).getByLabelText('Nguồn số liệu'), 'BHXH VN');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sent.find((r) => r.method === 'POST')!.body).toEqual({
      measuredOn: '2026-06-30',
      value: 48,
      source: 'BHXH VN',
    });
    expect(await within(card).findByText('30 thg 6, 2026')).toBeInTheDocument();
  });

  it('creates an indicator and shows the API’s field errors', async () => {
    const { user, sent } = renderApp(
      TAB,
      routes([], {
        [`POST ${BASE}/indicators`]: {
          status: 400,
          body: {
            statusCode: 400,
            error: 'Bad Request',
            message: 'Validation failed',
            details: [
              {
                field: 'target.year',
                code: 'beforeOther',
                message: 'must not be before the baseline year',
                other: 'baseline.year',
              },
            ],
          },
        },
      }),
    );
    await user.click(await screen.findByRole('button', { name: 'Chỉ số mới' }));
    const dialog = await screen.findByRole('dialog', { name: 'Chỉ số mới' });
    await user.type(within(dialog).getByLabelText(/Tên chỉ số \(tiếng Việt\)/), 'Số người');
    await user.type(within(dialog).getByLabelText(/Tên chỉ số \(tiếng Anh\)/), 'People');
    await user.type(within(dialog).getByLabelText(/Đơn vị \(tiếng Việt\)/), 'người');
    await user.type(within(dialog).getByLabelText(/Giá trị cơ sở/), '10');
    await user.type(within(dialog).getByLabelText(/Giá trị mục tiêu/), '20');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    expect(await within(dialog).findByText('Không được trước Năm cơ sở.')).toBeVisible();
    expect(sent.find((r) => r.method === 'POST')!.body).toMatchObject({
      name: { vi: 'Số người', en: 'People' },
      unit: { vi: 'người', en: 'người' },
      direction: 'INCREASE',
      baseline: { value: 10 },
      target: { value: 20 },
    });
  });

  it.each([
    ['a viewer', meAs('VIEWER')],
    ['a manager', meAs('MANAGER')],
    ['an editor of another organization', meAs('EDITOR', organizations[2]!)],
  ])('offers %s no indicator writing', async (_who, me) => {
    renderApp(TAB, routes(indicators, { '/api/auth/me': me }));
    await section(/^Tỷ lệ lực lượng lao động/);
    expect(screen.queryByRole('button', { name: 'Chỉ số mới' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Thêm số liệu đo/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Sửa chỉ số/ })).toBeNull();
  });

  it('edits an indicator with If-Match; on 412 keeps the input, shows the stored values and reapplies on the new version', async () => {
    const theirs: Indicator = {
      ...indicators[0]!,
      unit: { vi: 'điểm %', en: 'percentage points' },
      version: 3,
    };
    let attempts = 0;
    const { user, sent } = renderApp(
      TAB,
      routes(indicators, {
        [`PATCH ${BASE}/indicators/ind-1`]: (_url: URL, body: unknown) => {
          attempts += 1;
          if (attempts === 1) {
            return {
              status: 412,
              body: {
                statusCode: 412,
                error: 'Precondition Failed',
                message: 'x',
                current: theirs,
              },
            };
          }
          return { ...theirs, ...(body as object), version: 4 };
        },
      }),
    );
    const card = await section(/^Tỷ lệ lực lượng lao động/);
    await user.click(within(card).getByRole('button', { name: /Sửa chỉ số/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Sửa chỉ số' });
    const source = within(dialog).getByLabelText('Nguồn số liệu (tiếng Việt)');
    expect(source).toHaveValue('BHXH Việt Nam');
    await user.clear(source);
    await user.type(source, 'Nguồn của tôi');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    const alert = await within(dialog).findByRole('alert', {
      name: 'Chỉ số đã được người khác lưu trong lúc bạn sửa',
    });
    expect(alert).toHaveTextContent('Phiên bản hiện tại là 3');
    expect(alert).toHaveTextContent('(điểm %)');
    expect(source).toHaveValue('Nguồn của tôi');
    const patches = () => sent.filter((r) => r.method === 'PATCH');
    expect(patches()[0]!.headers.get('if-match')).toBe(`"${indicators[0]!.version}"`);
    await user.click(
      within(alert).getByRole('button', { name: 'Lưu nội dung của tôi đè lên phiên bản này' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(patches()).toHaveLength(2);
    expect(patches()[1]!.headers.get('if-match')).toBe('"3"');
    expect(patches()[1]!.body).toMatchObject({
      source: { vi: 'Nguồn của tôi', en: 'Viet Nam Social Security (VSS)' },
    });
  });
});
