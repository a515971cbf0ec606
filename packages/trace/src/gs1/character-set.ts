/**
 * The character sets of GS1 alphanumeric values (GS1 General Specifications §7.11): a lot (AI 10),
 * serial (21), consumer product variant (22), location extension (254), third-party serial (235)
 * and the alphanumeric parts of GDTI, GRAI, GINC and GIAI hold only the 82 characters of
 * "GS1 AI encodable character set 82" (Figure 7.11-1); a CPID (AI 8010) only the 39 of set 39
 * (Figure 7.11-2). Values are checked decoded (a Digital Link's or EPC URN's percent escapes
 * undone).
 */

function table(chars: string): Uint8Array {
  const t = new Uint8Array(128);
  for (let i = 0; i < chars.length; i += 1) t[chars.charCodeAt(i)] = 1;
  return t;
}

const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';

/** The 82 characters of GS1 AI encodable character set 82, in code order. */
export const GS1_CSET_82 = `!"%&'()*+,-./${DIGITS}:;<=>?${UPPER}_${LOWER}`;
/** The 39 characters of GS1 AI encodable character set 39, in code order. */
export const GS1_CSET_39 = `#-/${DIGITS}${UPPER}`;

/** 1 for each ASCII code in character set 82 (indexable by a byte below 128). Internal. */
export const CSET_82: Uint8Array = table(GS1_CSET_82);
const CSET_39: Uint8Array = table(GS1_CSET_39);

function within(set: Uint8Array, text: string, from: number): boolean {
  for (let i = from; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 128 || set[c] === 0) return false;
  }
  return true;
}

/** Whether `text` from `from` on holds only characters of GS1 character set 82. */
export function inGs1Cset82(text: string, from = 0): boolean {
  return within(CSET_82, text, from);
}

/** Whether `text` from `from` on holds only characters of GS1 character set 39. */
export function inGs1Cset39(text: string, from = 0): boolean {
  return within(CSET_39, text, from);
}
