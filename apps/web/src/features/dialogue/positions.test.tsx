import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, type MockRoutes, type SentRequest } from '../../test/render';
import {
  adminMe,
  commitmentDetail,
  meAs,
  organizations,
  page,
  positions,
  unionMe,
} from '../../test/fixtures';
import type { Me, Position } from '../../api/types';

const BASE = '/api/workspaces/viet-nam/commitments/c-nq42-1';
const POSITIONS = '/w/viet-nam/commitments/c-nq42-1?tab=positions';
const vcci = organizations[2]!;
const employerMe: Me = {
  ...meAs('PARTNER', vcci),
  user: {
    id: 'u-employer',
    email: 'employer@demo.test',
    displayName: 'Phạm Thu Hà',
    locale: 'vi',
  },
};

function routes(me: Me, extra: MockRoutes = {}): MockRoutes {
  return {
    '/api/auth/me': me,
    '/api/workspaces/viet-nam/organizations': page(organizations),
    [BASE]: commitmentDetail,
    [`${BASE}/positions`]: page(positions),
    [`${BASE}/history`]: page([]),
    ...extra,
  };
}

const stored = (organizationId: string) => (_url: URL, body: unknown) => {
  const organization = organizations.find((item) => item.id === organizationId)!;
  return {
    ...positions[0]!,
    id: `p-${organizationId}`,
    organization: {
      id: organization.id,
      shortName: organization.shortName,
      name: organization.name,
    },
    ...(body as object),
    version: 2,
  };
};

const puts = (sent: SentRequest[]) => sent.filter((r) => r.method === 'PUT');

/** Today in the local time zone, as the form defaults it. */
const today = () => {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

describe('recording positions', () => {
  it('lets the union record VGCL’s first position (no organization picker, no If-Match, date today), then the history is stale', async () => {
    const { user, sent, queryClient } = renderApp(
      '/w/viet-nam/commitments/c-nq42-1?tab=history',
      routes(unionMe, { [`PUT ${BASE}/positions/o-vgcl`]: stored('o-vgcl') }),
    );
    const history = ['commitments', 'detail', 'viet-nam', 'c-nq42-1', 'history'];
    await waitFor(() => expect(queryClient.getQueryState(history)?.status).toBe('success'));
    await user.click(screen.getByRole('tab', { name: 'Quan điểm' }));
    await user.click(await screen.findByRole('button', { name: 'Ghi nhận quan điểm của tổ chức' }));
    const form = screen.getByRole('form', { name: 'Quan điểm của tổ chức' });
    expect(within(form).queryByLabelText('Tổ chức')).toBeNull();
    // Shown as the interface writes dates: day/month/year.
    expect(within(form).getByLabelText(/Ngày quyết định/)).toHaveValue(
      today().split('-').reverse().join('/'),
    );
    await user.click(within(form).getByRole('radio', { name: 'Bảo lưu ý kiến' }));
    await user.type(
      within(form).getByLabelText(/Lý do/),
      'Cần lộ trình rõ hơn cho người lao động.',
    );
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(puts(sent)).toHaveLength(1));
    expect(puts(sent)[0]!.path).toBe(`${BASE}/positions/o-vgcl`);
    expect(puts(sent)[0]!.headers.get('if-match')).toBeNull();
    expect(puts(sent)[0]!.body).toEqual({
      position: 'RESERVATION',
      rationale: 'Cần lộ trình rõ hơn cho người lao động.',
      decidedOn: today(),
    });
    await waitFor(() =>
      expect(screen.queryByRole('form', { name: 'Quan điểm của tổ chức' })).toBeNull(),
    );
    expect(queryClient.getQueryState(history)?.isInvalidated).toBe(true);
  });

  it('changes a recorded position with If-Match; on 412 shows the stored one and reapplies mine on it', async () => {
    let attempts = 0;
    const theirs: Position = {
      ...positions[0]!,
      position: 'DISAGREE',
      rationale: 'Đã đổi ở nơi khác.',
      version: 2,
    };
    const { user, sent } = renderApp(
      POSITIONS,
      routes(employerMe, {
        [`PUT ${BASE}/positions/o-vcci`]: (url: URL, body: unknown) => {
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
          return { ...stored('o-vcci')(url, body), version: 3 };
        },
      }),
    );
    await user.click(await screen.findByRole('button', { name: 'Cập nhật quan điểm của tổ chức' }));
    const form = screen.getByRole('form', { name: 'Quan điểm của tổ chức' });
    expect(within(form).getByRole('radio', { name: 'Bảo lưu ý kiến' })).toBeChecked();
    const rationale = within(form).getByLabelText(/Lý do/);
    expect(rationale).toHaveValue(positions[0]!.rationale);
    await user.clear(rationale);
    await user.type(rationale, 'VCCI đồng ý sau khi thảo luận.');
    await user.click(within(form).getByRole('radio', { name: 'Đồng ý' }));
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    const alert = await within(form).findByRole('alert', {
      name: 'Quan điểm đã được người khác ghi nhận trong lúc bạn sửa',
    });
    expect(alert).toHaveTextContent('Đã đổi ở nơi khác.');
    expect(alert).toHaveTextContent('Không đồng ý');
    expect(rationale).toHaveValue('VCCI đồng ý sau khi thảo luận.');
    expect(puts(sent)[0]!.headers.get('if-match')).toBe('"1"');
    await user.click(within(alert).getByRole('button', { name: 'Lưu quan điểm của tôi đè lên' }));
    await waitFor(() => expect(puts(sent)).toHaveLength(2));
    expect(puts(sent)[1]!.headers.get('if-match')).toBe('"2"');
    expect(puts(sent)[1]!.body).toEqual({
      position: 'AGREE',
      rationale: 'VCCI đồng ý sau khi thảo luận.',
      decidedOn: positions[0]!.decidedOn,
    });
  });

  it('lets an ADMIN pick any organization, prefilled with its stored position', async () => {
    const { user, sent } = renderApp(
      POSITIONS,
      routes(adminMe, { [`PUT ${BASE}/positions/o-vcci`]: stored('o-vcci') }),
    );
    await user.click(
      await screen.findByRole('button', { name: 'Ghi nhận quan điểm của một tổ chức' }),
    );
    const form = screen.getByRole('form', { name: 'Quan điểm của tổ chức' });
    const picker = within(form).getByLabelText('Tổ chức');
    expect(
      within(picker)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['MOLISA', 'VGCL', 'VCCI (đã có quan điểm)', 'VSS']);
    await user.selectOptions(picker, 'o-vcci');
    const again = screen.getByRole('form', { name: 'Quan điểm của tổ chức' });
    expect(within(again).getByLabelText(/Lý do/)).toHaveValue(positions[0]!.rationale);
    await user.click(within(again).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(puts(sent)).toHaveLength(1));
    expect(puts(sent)[0]!.path).toBe(`${BASE}/positions/o-vcci`);
    expect(puts(sent)[0]!.headers.get('if-match')).toBe('"1"');
  });

  it('requires a rationale before sending and shows the API’s field errors under their field', async () => {
    const { user, sent } = renderApp(
      POSITIONS,
      routes(unionMe, {
        [`PUT ${BASE}/positions/o-vgcl`]: {
          status: 400,
          body: {
            statusCode: 400,
            error: 'Bad Request',
            message: 'Validation failed',
            details: [
              { field: 'decidedOn', code: 'inFuture', message: 'must not be in the future' },
            ],
          },
        },
      }),
    );
    await user.click(await screen.findByRole('button', { name: 'Ghi nhận quan điểm của tổ chức' }));
    const form = screen.getByRole('form', { name: 'Quan điểm của tổ chức' });
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    expect(within(form).getByLabelText(/Lý do/)).toHaveAccessibleDescription(/Hãy nêu lý do\./);
    expect(puts(sent)).toHaveLength(0);
    await user.type(within(form).getByLabelText(/Lý do/), 'Lý do');
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    await waitFor(() =>
      expect(within(form).getByLabelText(/Ngày quyết định/)).toHaveAccessibleDescription(
        /Không được ở tương lai\./,
      ),
    );
  });

  it.each([
    ['a viewer', meAs('VIEWER')],
    ['a manager', meAs('MANAGER', organizations[0]!)],
  ])('shows %s the positions without a form', async (_who, me) => {
    renderApp(POSITIONS, routes(me));
    const card = await screen.findByRole('article', { name: 'VCCI' });
    expect(card).toHaveTextContent('Bảo lưu ý kiến');
    expect(card).toHaveTextContent('ghi nhận bởi Phạm Thu Hà');
    expect(screen.queryByRole('button', { name: /Ghi nhận|Cập nhật/ })).toBeNull();
    expect(screen.queryByRole('form')).toBeNull();
  });
});
