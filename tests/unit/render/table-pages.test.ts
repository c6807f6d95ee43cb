import { describe, expect, it } from 'vitest';
import { renderBlock } from '../../../src/render/blocks-html.ts';
import type { Inline, TableBlock } from '../../../src/pipeline/model.ts';

const t = (v: string): Inline[] => [{ t: 'text', v }];

describe('a page that begins inside a table', () => {
  it('is a row of its own, spanning the columns, before the row the page starts with', () => {
    const table: TableBlock = {
      kind: 'table',
      id: 'tbl-1',
      caption: null,
      captionLine: null,
      headRows: [],
      bodyRows: [[t('aktiv'), t('the active members')], [t('gubernia'), t('province')], [t('raion'), t('district')]],
      lines: [1, 2, 3],
      scope: null,
      pageBreaksInside: [{ beforeRow: 2, page: 278, approximate: true }],
    };
    const html = renderBlock(table);
    expect(html).toMatch(/<td>province<\/td><\/tr><tr class="pb-row"><td colspan="2"><div class="pb pb-block" id="page-278"><a href="#page-278"[^>]*>≈ p\. 278<\/a><\/div><\/td><\/tr><tr><td>raion<\/td>/u);
    expect(html.match(/id="page-278"/gu)).toHaveLength(1);
  });
});
