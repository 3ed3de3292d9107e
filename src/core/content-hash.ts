import { createHash } from 'node:crypto';

/**
 * The short content hash the translation memory records (locales/translation-memory/, see
 * translation-memory-file.ts): sha256 of the NFC text, its first 12 hex digits. A composed and a
 * decomposed "é" are the same source; 12 digits tell versions of one text apart, not texts in general.
 */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC'), 'utf8').digest('hex').slice(0, 12);
}

/** The hash of a whole file (a help article): its text with CRLF or CR line endings read as LF, so a checkout's line endings do not change it. */
export function fileContentHash(fileText: string): string {
  return contentHash(fileText.replace(/\r\n?/g, '\n'));
}
