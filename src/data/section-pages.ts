import { getCollection } from 'astro:content';
import type { Section } from '../pipeline/model.ts';

export interface SectionLink {
  slug: string;
  label: string;
}
export interface SectionPageProps {
  section: Section;
  prev: SectionLink | null;
  next: SectionLink | null;
}

/** Every section with a page of its own (all but the front matter), in reading order, with its neighbours. */
export async function sectionPages(): Promise<SectionPageProps[]> {
  const entries = (await getCollection('sections')).filter((e) => e.data.kind !== 'front').sort((a, b) => a.data.order - b.data.order);
  const link = (i: number): SectionLink | null => {
    const e = entries[i];
    return e ? { slug: e.data.slug, label: e.data.label } : null;
  };
  return entries.map((entry, i) => ({ section: entry.data as Section, prev: link(i - 1), next: link(i + 1) }));
}

/** The page props of one section, by slug; an error if there is none (a page for a section the thesis lacks). */
export async function sectionPage(slug: string): Promise<SectionPageProps> {
  const page = (await sectionPages()).find((p) => p.section.slug === slug);
  if (!page) throw new Error(`No section with slug "${slug}"`);
  return page;
}
