// Windows-1252 maps these bytes 0x80-0x9F to other code points; everything else is Latin-1.
const CP1252_EXTRAS: Record<number, number> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};

// A UTF-8 lead byte (Ã, Â, â, ð … as Windows-1252) followed by continuation bytes shown as cp1252 characters.
const SUSPECT =
  /[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3}/g;

/**
 * Repairs text that was UTF-8, read as Windows-1252 and saved again (`weâ€™ll` → `we’ll`). Each
 * suspect run is re-encoded to bytes and decoded as UTF-8; a run that does not decode cleanly is
 * left as it was, so correct text (such as "Åsa" or "é") is never touched. Hand-written: none of the
 * project's packages repairs mojibake, and Node can decode Windows-1252 but not encode it.
 */
export function repairMojibake(text: string): string {
  return text.replace(SUSPECT, (run) => {
    const bytes = [...run].map((char) => {
      const code = char.codePointAt(0)!;
      return code <= 0xff ? code : CP1252_EXTRAS[code];
    });
    if (bytes.some((byte) => byte === undefined)) return run;
    const decoded = Buffer.from(bytes).toString('utf8');
    return decoded.includes('\ufffd') || [...decoded].length !== 1 ? run : decoded;
  });
}
