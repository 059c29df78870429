import { describe, expect, it } from 'vitest';
import { attachment } from './files.ts';

describe('file answers', () => {
  it('names an attachment in ASCII and, for browsers, in UTF-8 (RFC 5987)', () => {
    expect(attachment('组织导入模板.xlsx', 'org-import-template.xlsx')).toBe(
      `attachment; filename="org-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent('组织导入模板.xlsx')}`,
    );
    // RFC 5987 leaves ' ( ) * out of attr-char: they are percent-encoded too.
    expect(attachment("甲(一)'*.xlsx", 'x.xlsx')).toContain(`filename*=UTF-8''${encodeURIComponent('甲')}%28${encodeURIComponent('一')}%29%27%2A.xlsx`);
  });
});
