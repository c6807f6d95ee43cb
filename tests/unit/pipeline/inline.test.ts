import { describe, expect, it } from 'vitest';
import { inlineText, markEmendations, pairStars, parseInline } from '../../../src/pipeline/inline.ts';
import { SourceError } from '../../../src/pipeline/errors.ts';
import { renderInlines } from '../../../src/render/inline-html.ts';
import { fixture } from './helpers.ts';

describe('parseInline', () => {
  it('closes up the space the conversion left between an italic and its full stop (Glossary, gubkom, okrug)', () => {
    expect(inlineText(parseInline('Party committee in <i>gubernia</i> .', 4257))).toBe('Party committee in gubernia.');
    expect(inlineText(parseInline("territorial unit between <i>oblast'</i> and <i>raion</i> , abolished in 1930.", 4277))).toBe("territorial unit between oblast' and raion, abolished in 1930.");
    // Not a space before other text, nor inside the emphasis.
    expect(inlineText(parseInline('<i>Pravda</i> . . . and <i>Izvestiya</i> said', 1))).toBe('Pravda . . . and Izvestiya said');
  });

  it('turns <i>, <u> and *…* into emphasis and superscripts into markers', () => {
    const nodes = parseInline("<i>agitprop</i>\tsee *Ibid.*, p. 209, change¹⁶. <u>Moscow</u>", 10);
    expect(nodes).toEqual([
      { t: 'em', c: [{ t: 'text', v: 'agitprop' }] },
      { t: 'text', v: '\tsee ' },
      { t: 'em', c: [{ t: 'text', v: 'Ibid.' }] },
      { t: 'text', v: ', p. 209, change' },
      { t: 'ref', n: 16, noteId: '', refId: '', line: 10 },
      { t: 'text', v: '. ' },
      { t: 'u', c: [{ t: 'text', v: 'Moscow' }] },
    ]);
  });

  it('rejects an unknown tag, naming the line and column', () => {
    expect(() => parseInline('a <b>bold</b> word', 77)).toThrowError(SourceError);
    expect(() => parseInline('a <b>bold</b> word', 77)).toThrowError(/thesis\.txt:77: unknown markup tag <b> at column 3/u);
  });

  it('rejects unbalanced markup', () => {
    expect(() => parseInline('<i>never closed', 5)).toThrowError(/:5: unbalanced markup: <i> is never closed/u);
    expect(() => parseInline('closed</u> too early', 6)).toThrowError(/:6: unbalanced markup/u);
  });

  it('keeps a lone "<" or "&" as text (escaped only when rendered)', () => {
    const nodes = parseInline('less than < 5 & more', 1);
    expect(inlineText(nodes)).toBe('less than < 5 & more');
    expect(renderInlines(nodes)).toBe('less than &lt; 5 &amp; more');
  });

  it('repairs bibliography entries whose opening asterisk was lost (fixture: bibliography-lost-asterisk)', () => {
    const [lost, , , , stray] = fixture('bibliography-lost-asterisk.txt', 4394);
    const entry = parseInline(lost!.text, lost!.n);
    expect(entry[0]).toEqual({ t: 'text', v: '- ' });
    expect(entry[1]).toEqual({ t: 'em', c: [{ t: 'text', v: "Bol'shaya Sovetskaya Entsiklopediya" }] });
    expect(inlineText(entry)).toBe("- Bol'shaya Sovetskaya Entsiklopediya (1st and 2nd editions)");
    // Before a comma the closing star looks like an opening one: it still closes the title (line 4397).
    const dinamo = parseInline(fixture('bibliography-lost-asterisk.txt', 4394)[3]!.text, 4397);
    expect(dinamo).toEqual([{ t: 'text', v: '- ' }, { t: 'em', c: [{ t: 'text', v: "Dinamo v gody stroitel'stva sotsializma" }] }, { t: 'text', v: ', kniga 2 (M, 1964)' }]);
    // "- * C rankshaw, E., (ed) *Khrushchev Remembers*": the lone star is noise, the pair is a title.
    const crankshaw = parseInline(stray!.text, stray!.n);
    expect(inlineText(crankshaw)).toBe('-  C rankshaw, E., (ed) Khrushchev Remembers, vol I (London, 1971)');
    expect(crankshaw.some((n) => n.t === 'em' && inlineText(n.c) === 'Khrushchev Remembers')).toBe(true);
  });

  it('classifies stars', () => {
    expect([...pairStars('*a* * b*').values()]).toEqual(['open', 'close', 'stray', 'close-from-start']);
    // An unclosed star: after a word and before punctuation it closes a lost opener; otherwise noise.
    expect([...pairStars('- Title*, kniga 2').values()]).toEqual(['close-from-start']);
    expect([...pairStars('- a *b c').values()]).toEqual(['stray']);
    expect([...pairStars('- a*b c').values()]).toEqual(['stray']);
  });

  it('emits emendation nodes that keep both readings', () => {
    const em = { id: 'em-001', original: 'Elektroavod', corrected: 'Elektrozavod', kind: 'emendation' as const, reason: 'typing error' };
    const marked = markEmendations('at Elektroavod and Elektroavod', [em]);
    const nodes = parseInline(marked, 3041, new Map([[em.id, em]]));
    expect(inlineText(nodes)).toBe('at Elektrozavod and Elektrozavod');
    expect(inlineText(nodes, 'original')).toBe('at Elektroavod and Elektroavod');
  });
});

describe('renderInlines', () => {
  it('escapes source text: a note containing <script> renders as text', () => {
    // "<script>" is an unknown tag to the parser; text that merely looks like markup is escaped.
    expect(() => parseInline('<script>alert(1)</script>', 9)).toThrowError(/unknown markup tag <script>/u);
    const html = renderInlines([{ t: 'text', v: '<script>alert("x")</script> & "quotes"' }]);
    expect(html).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;');
  });

  it('keeps every space between inline elements', () => {
    const nodes = parseInline("<i>aktiv</i> <u>raikom</u> and *oblast'* ¹", 1);
    nodes.forEach((n) => {
      if (n.t === 'ref') Object.assign(n, { noteId: 'x-n1', refId: 'x-n1-ref' });
    });
    const html = renderInlines(nodes);
    expect(html).toContain("<em>aktiv</em> <em class=\"u\">raikom</em> and <em>oblast'</em> <sup");
  });

  it('keeps the thesis\'s quotes and dashes as typed (no SmartyPants)', () => {
    expect(renderInlines(parseInline("'betrayed' - a \"word\" -- 1925-32", 1))).toBe("'betrayed' - a &quot;word&quot; -- 1925-32");
  });
});
