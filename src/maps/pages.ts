/** The map pages of this edition, for the /maps/ section page and navigation to link to. */
export interface MapPage {
  /** Id of the thesis's map caption on /maps/ (its heading id) that this page reconstructs. */
  id: 'map-1' | 'map-2' | 'map-3';
  href: string;
  title: string;
  /** Short title for the browser tab (the site adds its own name after it). */
  short: string;
  /** The caption as printed in the thesis. */
  caption: string;
}

export const MAP_PAGES: readonly MapPage[] = [
  { id: 'map-1', href: '/maps/1925/', short: 'Map 1: Moscow in 1925', title: 'Map 1: Moscow in 1925, the six raions (reconstruction)', caption: 'Moscow in 1925-Raion Boundaries.' },
  { id: 'map-2', href: '/maps/1930/', short: 'Map 2: Moscow in 1930', title: 'Map 2: Moscow in 1930, the new raions (reconstruction)', caption: 'Moscow in 1930: the new Raion Boundaries.' },
  { id: 'map-3', href: '/maps/oblast-1930/', short: "Map 3: Oblast' in 1930", title: "Map 3: the Moscow oblast' in 1930 and its ten okrugs (reconstruction)", caption: "The Moscow Oblast' in 1930, showing the ten Okrugs." },
];
