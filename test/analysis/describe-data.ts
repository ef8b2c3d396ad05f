/** A small CSV reader for reference tests: numeric and text columns by header name (empty cells are NaN). */
export function parseCsvNumbers(text: string): { numeric(name: string): number[]; text(name: string): string[] } {
  const [head, ...lines] = text.trim().split(/\r?\n/);
  const header = head.split(',');
  const rows = lines.map((l) => l.split(','));
  const at = (name: string) => {
    const j = header.indexOf(name);
    if (j < 0) throw new Error(`no column ${name}`);
    return j;
  };
  return {
    numeric: (name) => rows.map((r) => (r[at(name)] === '' ? Number.NaN : Number(r[at(name)]))),
    text: (name) => rows.map((r) => r[at(name)]),
  };
}
