import { describe, expect, it } from 'vitest';
import { asciiFallback, sanitizeFileName } from './names.ts';

describe('stored file names', () => {
  it('keeps Chinese and the name, with the extension of the real type', () => {
    expect(sanitizeFileName('支部党员大会（2026年11月）.jpg', 'jpeg')).toBe('支部党员大会（2026年11月）.jpg');
    expect(sanitizeFileName('会议照片.JPEG', 'jpeg')).toBe('会议照片.jpeg');
    expect(sanitizeFileName('会议照片.png', 'jpeg')).toBe('会议照片.jpg');
    expect(sanitizeFileName('病毒.exe', 'pdf')).toBe('病毒.exe.pdf');
    expect(sanitizeFileName('记录', 'docx')).toBe('记录.docx');
  });

  it('drops paths, control and direction characters, and characters file systems refuse', () => {
    expect(sanitizeFileName('C:\\Users\\张三\\桌面\\照片.jpg', 'jpeg')).toBe('照片.jpg');
    expect(sanitizeFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(sanitizeFileName('报告\u202Egpj.exe', 'pdf')).toBe('报告gpj.exe.pdf');
    expect(sanitizeFileName('a\u0000b\r\n"c"<d>|e?.pdf', 'pdf')).toBe('ab_c__d__e_.pdf');
    expect(sanitizeFileName('  多   空格 .pdf ', 'pdf')).toBe('多 空格.pdf');
    expect(sanitizeFileName('CON.pdf', 'pdf')).toBe('_CON.pdf');
  });

  it('names nameless files and cuts long ones without splitting a character', () => {
    expect(sanitizeFileName('', 'png')).toBe('附件.png');
    expect(sanitizeFileName('blob', 'png')).toBe('附件.png');
    expect(sanitizeFileName('...', 'png')).toBe('附件.png');
    const long = sanitizeFileName('党'.repeat(300) + '😀.pdf', 'pdf');
    expect([...long].length).toBe(100);
    expect(long.endsWith('党.pdf')).toBe(true);
  });

  it('gives an ASCII fallback for old clients', () => {
    expect(asciiFallback('photo 1.jpg', 'jpeg')).toBe('photo 1.jpg');
    expect(asciiFallback('会议.jpg', 'jpeg')).toBe('attachment.jpg');
    expect(asciiFallback('a"b.pdf', 'pdf')).toBe('attachment.pdf');
  });
});
