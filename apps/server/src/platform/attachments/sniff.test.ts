import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { docxBytes, exeBytes, jpegBytes, pdfBytes, pngBytes, webpBytes, zipBytes } from './attachment.fixtures.ts';
import { checkFile } from './attachment.service.ts';
import { inspect } from './sniff.ts';
import { qrPng } from '../signin/qr.ts';

describe('file type by content', () => {
  it('reads each accepted type and the pixel size of images', async () => {
    expect(inspect(jpegBytes(640, 480))).toEqual({ ok: true, type: 'jpeg', width: 640, height: 480 });
    expect(inspect(pngBytes(100, 80))).toEqual({ ok: true, type: 'png', width: 100, height: 80 });
    expect(inspect(webpBytes(300, 200))).toEqual({ ok: true, type: 'webp', width: 300, height: 200 });
    expect(inspect(pdfBytes())).toMatchObject({ ok: true, type: 'pdf' });
    expect(inspect(docxBytes())).toMatchObject({ ok: true, type: 'docx' });
    // real files: a PNG rendered by qrcode, an .xlsx written by exceljs
    expect(inspect(await qrPng('x', 200))).toEqual({ ok: true, type: 'png', width: 200, height: 200 });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表').addRow(['姓名']);
    expect(inspect(Buffer.from(await wb.xlsx.writeBuffer()))).toMatchObject({ ok: true, type: 'xlsx' });
  });

  it('refuses a renamed .exe, whatever its name says', () => {
    expect(inspect(exeBytes())).toMatchObject({ ok: false, reason: 'unknown' });
    expect(() => checkFile('meeting', exeBytes())).toThrow(expect.objectContaining({ status: 415, message: expect.stringContaining('改扩展名无效') }));
  });

  it('refuses zips that are not Word or Excel, macro files, and damaged files', () => {
    expect(inspect(zipBytes({ 'a.txt': 'x' }))).toMatchObject({ ok: false, reason: 'unknown' });
    expect(inspect(zipBytes({ '[Content_Types].xml': '', 'word/document.xml': '', 'word/vbaProject.bin': '' }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('宏'),
    });
    expect(inspect(docxBytes().subarray(0, 40))).toMatchObject({ ok: false, reason: 'broken' });
    expect(inspect(jpegBytes().subarray(0, 10))).toMatchObject({ ok: false, reason: 'broken' });
    expect(inspect(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toMatchObject({ ok: false, reason: 'broken' });
    expect(inspect(Buffer.alloc(0))).toMatchObject({ ok: false, reason: 'unknown' });
    expect(inspect(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toMatchObject({ ok: false, reason: 'unknown' });
    expect(inspect(Buffer.from('<html><script>alert(1)</script></html>'))).toMatchObject({ ok: false, reason: 'unknown' });
  });

  it('refuses absurd image sizes (decompression bombs) and zero sizes', () => {
    expect(inspect(pngBytes(30_000, 10))).toMatchObject({ ok: false, reason: 'broken', message: expect.stringContaining('尺寸过大') });
    expect(inspect(pngBytes(15_000, 15_000))).toMatchObject({ ok: false, reason: 'broken' });
    expect(inspect(jpegBytes(0, 100))).toMatchObject({ ok: false, reason: 'broken' });
  });

  it('checks the owner kind: its types (415), its size limits (413), empty files (400)', () => {
    expect(() => checkFile('member', docxBytes())).toThrow(expect.objectContaining({ status: 415, message: expect.stringContaining('不接受') }));
    expect(() => checkFile('meeting', Buffer.alloc(0))).toThrow(expect.objectContaining({ status: 400 }));
    const big = Buffer.concat([jpegBytes(), Buffer.alloc(10 * 1024 * 1024)]);
    expect(() => checkFile('meeting', big)).toThrow(expect.objectContaining({ status: 413, message: expect.stringContaining('不能超过 10 MB') }));
    expect(checkFile('meeting', docxBytes()).type).toBe('docx');
  });
});
