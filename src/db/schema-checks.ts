// CHECK clauses the migrations share. Released migrations build their SQL from these, so they are
// never changed: a new kind of check is a new function.
export const enumCheck = (col: string, values: readonly string[]): string =>
  `CHECK (${col} IN (${values.map((v) => `'${v}'`).join(', ')}))`;
export const dateCheck = (col: string): string =>
  `CHECK (${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')`;
export const instantCheck = (col: string): string =>
  `CHECK (${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]*Z')`;
export const boolCheck = (col: string): string => `CHECK (${col} IN (0, 1))`;

