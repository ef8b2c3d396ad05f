/**
 * A table as read from a file, before interpretation: a header and rows of
 * raw cells. Produced by the format parsers (adapters/formats/table.ts),
 * consumed by tableToPanel. Defined here so the pure core does not depend on
 * the adapters; adapters/formats/table.ts re-exports it.
 */
export interface RawTable {
  name: string;
  header: string[];
  rows: Array<Array<string | number | null>>;
  /** Text encoding used to decode a CSV/JSON file (never guessed silently). */
  encoding?: 'utf-8' | 'utf-8-bom' | 'gb18030';
  /** Worksheet read from an XLSX workbook. */
  sheet?: string;
  /** Every worksheet of the workbook, in order (XLSX). */
  sheets?: string[];
  /** Spreadsheet rows passed over as title rows above the header (XLSX). */
  skippedTitleRows?: number[];
  /** 1-based spreadsheet row of rows[i] */
  firstDataRow: number;
}
