import { getJson, useProductInBrowser } from './browser-fixture';

interface CommentJson {
  id: string;
  parentId: string | null;
  body: string | null;
  stance: string | null;
  mentionedIds: string[];
}

describe('the tripartite dialogue in a browser', () => {
  const product = useProductInBrowser();

  it('the union comments and records its position, the employer replies, the viewer only reads', async () => {
    const stamp = Date.now().toString(36);
    const question = `Đề nghị @official@demo.test làm rõ lộ trình tăng độ bao phủ (${stamp})?`;
    const rationale = `VGCL đồng ý mục tiêu nhưng bảo lưu về lộ trình (${stamp}).`;
    const answer = `VCCI cũng quan tâm đến lộ trình này (${stamp}).`;

    // The union representative writes a question mentioning the MOLISA official.
    const union = await product.signIn('union@demo.test');
    const list = await getJson<{ items: { id: string }[] }>(
      union,
      '/api/workspaces/viet-nam/commitments?q=san%20an%20sinh&limit=1',
    );
    const id = list.items[0]!.id;
    const detail = `${product.url}/w/viet-nam/commitments/${id}`;
    const api = `/api/workspaces/viet-nam/commitments/${id}`;

    await union.goto(`${detail}?tab=comments`);
    const composer = union.getByRole('form', { name: 'Viết bình luận' });
    await composer.getByLabel('Viết bình luận').fill(question);
    await composer.getByLabel('Lập trường').selectOption({ label: 'Câu hỏi' });
    await composer.getByRole('button', { name: 'Gửi bình luận' }).click();
    const unionComment = union.getByRole('article').filter({ hasText: `(${stamp})?` });
    await unionComment.getByLabel('Nhắc đến Nguyễn Thị Lan — MOLISA (demo)').waitFor();
    await unionComment.getByText('Câu hỏi', { exact: true }).waitFor();
    expect(await composer.getByLabel('Viết bình luận').inputValue()).toBe('');

    // ... and records VGCL's position with a reservation.
    await union.getByRole('tab', { name: 'Quan điểm' }).click();
    await union
      .getByRole('button', { name: /^(Ghi nhận|Cập nhật) quan điểm của tổ chức$/ })
      .click();
    const form = union.getByRole('form', { name: 'Quan điểm của tổ chức' });
    await form.locator('label', { hasText: 'Bảo lưu ý kiến' }).click();
    await form.getByLabel(/Lý do/).fill(rationale);
    await form.getByRole('button', { name: 'Lưu', exact: true }).click();
    const vgcl = union.getByRole('article', { name: 'VGCL' });
    await vgcl.getByText(rationale).waitFor();
    await vgcl.getByText('Bảo lưu ý kiến').waitFor();
    await form.waitFor({ state: 'detached' });

    const stored = await getJson<{ items: CommentJson[] }>(union, `${api}/comments`);
    const mine = stored.items.find((comment) => comment.body === question)!;
    expect(mine.stance).toBe('QUESTION');
    expect(mine.mentionedIds).toHaveLength(1);
    await union.context().close();

    // The employer representative sees both and replies.
    const employer = await product.signIn('employer@demo.test');
    await employer.goto(`${detail}?tab=comments`);
    const thread = employer
      .getByRole('listitem')
      .filter({ hasText: `(${stamp})?` })
      .first();
    await thread.getByRole('button', { name: 'Trả lời Lê Hoàng Nam — VGCL (demo)' }).click();
    const reply = employer.getByRole('form', { name: 'Viết trả lời' });
    await reply.getByLabel('Viết trả lời').fill(answer);
    await reply.getByRole('button', { name: 'Gửi trả lời' }).click();
    await thread.getByRole('list', { name: 'Trả lời' }).getByText(answer).waitFor();
    await employer.getByRole('tab', { name: 'Quan điểm' }).click();
    await employer.getByRole('article', { name: 'VGCL' }).getByText(rationale).waitFor();

    const replies = await getJson<{ items: CommentJson[] }>(employer, `${api}/comments`);
    expect(replies.items.find((comment) => comment.body === answer)?.parentId).toBe(mine.id);
    await employer.context().close();

    // The viewer reads the question, the reply and the position, and can write nothing.
    const viewer = await product.signIn('viewer@demo.test');
    await viewer.goto(`${detail}?tab=comments`);
    await viewer.getByText(answer).waitFor();
    await viewer
      .getByRole('article')
      .filter({ hasText: `(${stamp})?` })
      .waitFor();
    expect(await viewer.getByRole('form', { name: 'Viết bình luận' }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: /^Trả lời / }).count()).toBe(0);
    await viewer.getByRole('tab', { name: 'Quan điểm' }).click();
    await viewer.getByRole('article', { name: 'VGCL' }).getByText(rationale).waitFor();
    expect(await viewer.getByRole('button', { name: /quan điểm/ }).count()).toBe(0);
    expect(await viewer.getByRole('form').count()).toBe(0);
    await viewer.context().close();
  });
});
