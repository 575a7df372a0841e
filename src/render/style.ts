// The one Style every renderer takes: the five colours crm uses, as plain functions. Renderers
// return strings and never decide colour; main.ts decides once (io.decideColor) and builds it here.

export interface Style {
  bold: (s: string) => string;
  dim: (s: string) => string;
  red: (s: string) => string;
  yellow: (s: string) => string;
  green: (s: string) => string;
}

const same = (s: string): string => s;
/** No colour: identities, for output that is never a terminal's (the cron digest, tests). */
export const plainStyle: Style = { bold: same, dim: same, red: same, yellow: same, green: same };

/** chalk is loaded only when colour is on: a pipe, a script or cron never pays for it. */
export async function styleFor(color: boolean): Promise<Style> {
  if (!color) return plainStyle;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: 1 });
  return { bold: c.bold, dim: c.dim, red: c.red, yellow: c.yellow, green: c.green };
}
