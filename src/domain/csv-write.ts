// Writing CSV as RFC 4180 says: a header row, CRLF after every record, a field quoted when it
// holds a quote, a comma, CR or LF, quotes inside doubled. Pure: rows in, text out.

/** A UTF-8 byte order mark: Excel needs it to read accents as UTF-8; LibreOffice and CSV libraries skip it. */
export const BOM = '\uFEFF';

export type CsvValue = string | number | null;

export function csvField(value: CsvValue, delimiter = ','): string {
  const s = value === null ? '' : String(value);
  return s.includes('"') || s.includes(delimiter) || /[\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The whole file: BOM, header, rows, each line ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const line = (cells: readonly CsvValue[]): string => cells.map((c) => csvField(c)).join(',') + '\r\n';
  return BOM + line(header) + rows.map(line).join('');
}
