import { contentDisposition } from './download-headers';
import { isUtf8Text, sanitizeFileName } from './upload-rules';

describe('sanitizeFileName', () => {
  it.each([
    ['báo cáo quý 4.pdf', 'báo cáo quý 4.pdf'],
    ['C:\\Users\\me\\report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['evil\u202egpj.exe', 'evil_gpj.exe'],
    ['a"b<c>.pdf', 'a_b_c_.pdf'],
    ['line\r\nbreak.txt', 'line__break.txt'],
    ['...', 'file'],
    [undefined, 'file'],
  ])('%j → %j', (raw, expected) => {
    expect(sanitizeFileName(raw)).toBe(expected);
  });

  it('shortens long names to 200 characters, keeping the extension', () => {
    const name = sanitizeFileName(`${'ả'.repeat(300)}.docx`);
    expect(Array.from(name)).toHaveLength(200);
    expect(name.endsWith('ả.docx')).toBe(true);
  });
});

describe('isUtf8Text', () => {
  it('accepts UTF-8, even cut inside a character when more follows', () => {
    const text = Buffer.from('Hà Nội');
    expect(isUtf8Text(text, true)).toBe(true);
    expect(isUtf8Text(text.subarray(0, 2), false)).toBe(true);
    expect(isUtf8Text(text.subarray(0, 2), true)).toBe(false);
  });
  it('refuses NUL bytes and invalid sequences', () => {
    expect(isUtf8Text(Buffer.from('a\0b'), true)).toBe(false);
    expect(isUtf8Text(Buffer.from([0x61, 0xff, 0x62]), true)).toBe(false);
  });
});

describe('contentDisposition', () => {
  it('always says attachment, with an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Kế hoạch (bản 2).pdf')).toBe(
      `attachment; filename="K_ ho_ch (b_n 2).pdf"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20%28b%E1%BA%A3n%202%29.pdf`,
    );
  });
});
