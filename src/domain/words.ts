// Counts and shares in words, one spelling for the rules' findings and the cards that show them.
// Plain English only; never styles or sanitises (that is render's and text.ts's).

/** 1 → "1 day", 3 → "3 days"; `many` for irregular plurals ("1 entry" / "2 entries"). */
export const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

/** 0.256 → "26%". */
export const pct = (share: number): string => `${Math.round(share * 100)}%`;
