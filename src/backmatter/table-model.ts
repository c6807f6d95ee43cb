/**
 * The structured form of a printed table: what each figure is (row × column), its printed reading
 * and its value, the table's units, notes and sources, and the editor's arithmetic flags.
 */

export interface DataCell {
  /** As printed in the source (emendations not applied). */
  printed: string;
  /** As shown in the edition (thousands separators closed up where the source spaced them). */
  display: string;
  value: number | null;
  percent: boolean;
  decimals: number;
  /** Source line of the row. */
  line: number;
  /** Id of the arithmetic flag on this figure, if the printed arithmetic fails here. */
  flag: string | null;
}

export interface DataColumn {
  key: string;
  label: string;
  /** Spanning header the column sits under ("In Moscow", "XV 1/27"), if any. */
  group: string | null;
  measure: 'count' | 'percent' | 'value';
  /** Markers of the table's notes printed on this column's heading ("²"). */
  notes?: string[];
  /** Markers printed on the group heading this column opens. */
  groupNotes?: string[];
}

export interface DataRow {
  key: string;
  /** Row label as printed (markers removed). */
  label: string;
  /** A plain name for charts and downloads ("Group B" for the ditto-marked row). */
  name: string;
  /** Section heading the row sits under ("Main branches", "In city of Moscow"), if any. */
  group: string | null;
  kind: 'data' | 'subtotal' | 'total';
  cells: (DataCell | null)[];
  line: number;
  /** Markers of the table's notes printed on this row's label ("⁵"). */
  notes?: string[];
}

export interface TableNote {
  /** The marker as printed ("¹", "1."). */
  marker: string;
  /** The note as the edition reads it: its emendations made (see `emendations`). */
  text: string;
  /** The corrections made in `text`, each with what the thesis prints ("Moskvyy" → "Moskvy", em-010). */
  emendations?: TableNoteEmendation[];
}

export interface TableNoteEmendation {
  id: string;
  original: string;
  corrected: string;
}

export interface ArithmeticFlag {
  id: string;
  table: string;
  row: string;
  column: string;
  line: number;
  printed: string;
  computed: number;
  /** The computed figure, formatted like the printed one. */
  computedText: string;
  /** How it was computed ("Members + Candidates = 66,225 + 24,967"). */
  rule: string;
  /** One sentence for the page and the CSV: what is printed and what the figures give. */
  message: string;
}

export interface DataTable {
  /** 'table-1' … 'table-5' for the back-matter tables; '<section>-<block>' for tables in chapters and notes. */
  key: string;
  /** 1–5 for the numbered tables, null for inline tables. */
  n: number | null;
  title: string;
  section: string;
  /** Where the printed table is in the edition. */
  href: string;
  /** Ids of the rendered table blocks (Table 4 is printed in two halves). */
  blockIds: string[];
  lines: [number, number];
  units: string;
  /** Header of the row-label column. */
  stub: string;
  columns: DataColumn[];
  rows: DataRow[];
  /** Markers of the table's notes printed on its title ("1913-34¹": its source). */
  titleNotes?: string[];
  notes: TableNote[];
  sources: string[];
  /** For sources printed apart from the notes (Table 4's list): the emendations made in each, by index. */
  sourceEmendations?: TableNoteEmendation[][];
  /** The editor's remarks on how the data was read from the printed table. */
  editorial: string[];
  flags: ArithmeticFlag[];
}
