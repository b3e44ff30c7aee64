import i18n from '../i18n';
import { ApiError, fieldErrors } from './client';

const validation = new ApiError(400, 'title.vi: must be shorter; weight: must not be less than 1', {
  statusCode: 400,
  error: 'Bad Request',
  code: 'validation',
  message: 'title.vi: must be shorter; weight: must not be less than 1',
  details: [
    { field: 'title.vi', code: 'tooLong', message: 'must be shorter', max: 500 },
    { field: 'weight', code: 'tooSmall', message: 'must not be less than 1', min: 1 },
    { field: 'targetDate', code: 'beforeOther', message: 'before startDate', other: 'startDate' },
  ],
});

describe('API errors in the user’s language', () => {
  afterEach(() => i18n.changeLanguage('vi'));

  it('words each field’s refusal from its code and constraint values, never the English text', async () => {
    await i18n.changeLanguage('vi');
    expect(fieldErrors(validation)).toEqual({
      'title.vi': 'Tối đa 500 ký tự.',
      weight: 'Không được nhỏ hơn 1.',
      targetDate: 'Không được trước Ngày bắt đầu.',
    });
    expect(validation.message).toBe(
      'Tiêu đề (tiếng Việt): Tối đa 500 ký tự. Trọng số: Không được nhỏ hơn 1. Hạn hoàn thành: Không được trước Ngày bắt đầu.',
    );
    expect(validation.serverMessage).toMatch(/must be shorter/);
  });

  it('follows the language chosen after the error came', async () => {
    const stale = new ApiError(412, 'If-Match names version 3; the stored one is 4', {
      statusCode: 412,
      error: 'Precondition Failed',
      code: 'stale',
      message: 'If-Match names version 3; the stored one is 4',
    });
    await i18n.changeLanguage('vi');
    expect(stale.message).toBe('Người khác vừa thay đổi mục này. Hãy xem bản mới rồi lưu lại.');
    await i18n.changeLanguage('en');
    expect(stale.message).toBe(
      'Someone else has just changed this item. Look at the new version, then save again.',
    );
    expect(fieldErrors(validation).weight).toBe('Must not be less than 1.');
  });

  it('names the network, an unknown code and a bare status without the server’s words', async () => {
    await i18n.changeLanguage('vi');
    expect(new ApiError(0, 'Failed to fetch').message).toBe('Không kết nối được với máy chủ.');
    expect(new ApiError(502, 'Bad Gateway').message).toBe('Máy chủ trả lời lỗi 502.');
    const unknown = new ApiError(400, 'x', {
      statusCode: 400,
      error: 'Bad Request',
      code: 'validation',
      message: 'x',
      // @ts-expect-error -- a code newer than this app
      details: [{ field: 'narrative', code: 'brandNew', message: 'x' }],
    });
    expect(unknown.message).toBe('Nội dung báo cáo: Không hợp lệ.');
  });
});
