import type { Block, Inline, Irregularity, Note, NoteScopeSummary, Section } from './model.ts';
import { IRREGULARITIES_FILE, SourceError, THESIS_FILE } from './errors.ts';
import { noteId, scopeLabel } from './structure.ts';
import { isEmphasis } from './inline.ts';

type RefNode = Extract<Inline, { t: 'ref' }>;

interface ScopeState {
  scope: string;
  section: string;
  markers: RefNode[];
  notes: Note[];
}

/** Every marker in inline content, in reading order, with the scope it counts in. */
function* walk(nodes: readonly Inline[], scope: string | null): Generator<{ ref: RefNode; scope: string | null }> {
  for (const n of nodes) {
    if (n.t === 'ref') yield { ref: n, scope };
    else if (isEmphasis(n)) yield* walk(n.c, scope);
  }
}

/** Every marker in a block's inline content, in reading order, with the scope it counts in. */
function* markersOf(block: Block): Generator<{ ref: RefNode; scope: string | null }> {
  switch (block.kind) {
    case 'paragraph':
    case 'heading':
      yield* walk(block.content, block.scope);
      break;
    case 'table':
      if (block.caption) yield* walk(block.caption, block.scope);
      for (const row of [...block.headRows, ...block.bodyRows]) for (const cell of row) yield* walk(cell, block.scope);
      break;
    default:
      break;
  }
}

/**
 * Resolve every marker to exactly one note in its numbering scope, and check that every note has a
 * marker, numbers run 1…N, and nothing is duplicated — except the source's own irregularities,
 * which must be declared (and must still be present). Fills in note ids on markers and ref ids on
 * notes. Throws a SourceError for the first problem found, naming its line.
 */
export function resolveNotes(sections: Section[], irregularities: readonly Irregularity[], sectionScopes: ReadonlyMap<string, string | null>): NoteScopeSummary[] {
  const scopes = new Map<string, ScopeState>();
  const stateFor = (scope: string, section: string): ScopeState => {
    let st = scopes.get(scope);
    if (!st) {
      st = { scope, section, markers: [], notes: [] };
      scopes.set(scope, st);
    }
    return st;
  };

  for (const section of sections) {
    const titleScope = sectionScopes.get(section.id) ?? null;
    const titleMarkers = section.title.filter((n): n is RefNode => n.t === 'ref');
    for (const ref of titleMarkers) {
      if (titleScope === null) throw new SourceError(THESIS_FILE, ref.line, `note marker ${ref.n} in the title of ${section.label}, which has no note numbering scope`);
      stateFor(titleScope, section.id).markers.push(ref);
    }
    for (const block of section.blocks) {
      if (block.kind === 'notes') {
        const st = stateFor(block.scope, section.id);
        st.notes.push(...block.notes);
        continue;
      }
      for (const { ref, scope } of markersOf(block)) {
        if (scope === null) throw new SourceError(THESIS_FILE, ref.line, `note marker ${ref.n} in ${section.label}, which has no note numbering scope`);
        stateFor(scope, section.id).markers.push(ref);
      }
    }
  }

  // A declaration for a scope that does not exist would be reported only as the irregularity it fails to declare.
  for (const irr of irregularities) {
    if (!scopes.has(irr.scope)) throw new SourceError(IRREGULARITIES_FILE, null, `${irr.id}: no note numbering scope "${irr.scope}" (the scopes are ${[...scopes.keys()].join(', ')})`);
  }
  const declared = new Set<string>();
  const summaries: NoteScopeSummary[] = [];
  for (const st of scopes.values()) {
    const irregular = irregularities.filter((i) => i.scope === st.scope);
    // Note numbers must run 1…N in order, unless a skip is declared.
    let expected = 1;
    const byNumber = new Map<number, Note>();
    for (const note of st.notes) {
      if (byNumber.has(note.n)) throw new SourceError(THESIS_FILE, note.line, `duplicate note number ${note.n} in ${scopeLabel(st.scope)} (first at line ${byNumber.get(note.n)?.line})`);
      if (note.n !== expected) {
        const skip = irregular.find((i) => i.kind === 'skipped-number' && i.n === expected && note.n === expected + 1);
        if (!skip) throw new SourceError(THESIS_FILE, note.line, `note ${note.n} in ${scopeLabel(st.scope)} where note ${expected} was expected (missing or out-of-order note number)`);
        declared.add(skip.id);
      }
      byNumber.set(note.n, note);
      expected = note.n + 1;
    }
    for (const ref of st.markers) {
      const note = byNumber.get(ref.n);
      if (!note) throw new SourceError(THESIS_FILE, ref.line, `note marker ${ref.n} in ${scopeLabel(st.scope)} has no note ${ref.n}`);
      ref.noteId = note.id;
      note.refIds.push(note.refIds.length === 0 ? `${note.id}-ref` : `${note.id}-ref-${note.refIds.length + 1}`);
      ref.refId = note.refIds[note.refIds.length - 1] as string;
    }
    for (const note of st.notes) {
      if (note.refIds.length === 0) throw new SourceError(THESIS_FILE, note.line, `note ${note.n} in ${scopeLabel(st.scope)} has no marker in the text (orphaned note)`);
      if (note.refIds.length > 1) {
        const dup = irregular.find((i) => i.kind === 'duplicate-marker' && i.n === note.n);
        if (!dup) {
          // A marker fits the sequence when the markers on both sides of it are its neighbours in
          // number. The stray one is named only when it alone does not fit ("… 4, 77, 5 …" far from
          // "76, 77, 78"); "1, 2, 2, 3" cannot tell which, so every line is named and none blamed.
          const markers = st.markers
            .map((m, k) => ({ m, fits: (st.markers[k - 1]?.n ?? 0) === m.n - 1 && (st.markers[k + 1] === undefined || st.markers[k + 1]?.n === m.n + 1) }))
            .filter((x) => x.m.n === note.n);
          const misfits = markers.filter((x) => !x.fits);
          const stray = misfits.length === 1 && markers.length - misfits.length >= 1 ? misfits[0] : undefined;
          const lines = [...new Set(markers.map((x) => x.m.line))];
          const where = lines.length === 1 ? `both on line ${lines[0]}` : `on lines ${lines.join(' and ')}`;
          throw new SourceError(THESIS_FILE, stray?.m.line ?? markers[0]?.m.line ?? note.line, `note ${note.n} in ${scopeLabel(st.scope)} (line ${note.line}) has ${note.refIds.length} markers in the text, ${where} (duplicated marker${stray ? '; this one is out of sequence' : ''})`);
        }
        declared.add(dup.id);
      }
    }
    summaries.push({ scope: st.scope, label: scopeLabel(st.scope), section: st.section, notes: st.notes.length, markers: st.markers.length });
  }
  // A note has no notes of its own: a superscript figure in a note's text or table is a marker that
  // belongs in the text, or a figure typed as one. Left alone it would be a link to nothing.
  for (const section of sections)
    for (const block of section.blocks) {
      if (block.kind !== 'notes') continue;
      for (const note of block.notes) {
        const inside = [note.content, ...note.extra.flatMap((x) => (x.kind === 'paragraph' ? [x.content] : [...(x.caption ? [x.caption] : []), ...[...x.headRows, ...x.bodyRows].flat()]))];
        const ref = inside.flatMap((nodes) => [...walk(nodes, null)])[0]?.ref;
        if (ref) throw new SourceError(THESIS_FILE, ref.line, `a note marker (${ref.n}) inside note ${note.n} of ${scopeLabel(note.scope)} (line ${note.line}): a note has no notes of its own; does the marker belong in the text, or is it a figure typed as a superscript?`);
      }
    }
  for (const irr of irregularities) {
    if (!declared.has(irr.id)) {
      throw new SourceError(IRREGULARITIES_FILE, null, `${irr.id}: declared irregularity (${irr.kind} ${irr.n} in ${irr.scope}) does not occur in the source; remove it or correct it`);
    }
  }
  return summaries;
}


/**
 * The lines a declared irregularity gives as its evidence (printed on the Emendations page) must be
 * where it is: the note after a skipped number, or a note with two markers and both markers. Checked
 * after the decisions by line that say when the source has lost or gained lines.
 */
export function checkIrregularityLines(irregularities: readonly Irregularity[], sections: readonly Section[]): void {
  const notes = sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'notes' ? b.notes : [])));
  const markerLines = new Map<string, number[]>();
  for (const s of sections)
    for (const b of s.blocks) for (const { ref } of markersOf(b)) markerLines.set(ref.noteId, [...(markerLines.get(ref.noteId) ?? []), ref.line]);
  for (const irr of irregularities) {
    const note = notes.find((x) => x.scope === irr.scope && x.n === (irr.kind === 'skipped-number' ? irr.n + 1 : irr.n));
    if (!note) continue;
    const evidence = irr.kind === 'skipped-number' ? [note.line] : [note.line, ...(markerLines.get(note.id) ?? [])];
    const missing = evidence.find((l) => !irr.lines.includes(l));
    if (missing !== undefined) throw new SourceError(IRREGULARITIES_FILE, null, `${irr.id}: its lines (${irr.lines.join(', ')}) do not include line ${missing}, where ${irr.kind === 'skipped-number' ? `note ${note.n} follows the skipped ${irr.n}` : `note ${irr.n} or one of its markers is`}`);
  }
}

export { noteId };
