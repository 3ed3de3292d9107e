const formats = new Map<string, Intl.DateTimeFormat>();

/** A date and time as the language writes it ("Nov 27, 2026, 10:14 AM", "27 nov. 2026 10:14", "27 nov. 2026, 10:14"); one formatter per language. */
export function formatGrantTime(iso: string, language: string): string {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    formats.set(language, format);
  }
  return format.format(new Date(iso));
}
