import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/render/escape.ts';

describe('escapeHtml', () => {
  it('turns markup in source text into text', () => {
    expect(escapeHtml('<script>alert("x")</script> & co')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
  });

  it('keeps a double-quoted attribute closed whatever the text holds', () => {
    const attr = `title="${escapeHtml('Moskovskie Bol\'sheviki v bor\'be s pravym i "levym" oportunizmom')}"`;
    expect(attr).toBe('title="Moskovskie Bol\'sheviki v bor\'be s pravym i &quot;levym&quot; oportunizmom"');
    expect(attr.match(/"/gu)).toHaveLength(2);
  });

  it('leaves the apostrophes of transliteration as printed', () => {
    expect(escapeHtml("oblast' Sokol'niki")).toBe("oblast' Sokol'niki");
  });
});
