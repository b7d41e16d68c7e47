// The number formats of the contract's schemas as ajv formats: a finite number, and for int32
// and int64 an integer. Used by the response checkers compiled at run time (response.ts) and by
// those the build compiles ahead of time (scripts/gen-validators.mjs, read-validators).
const format = (integer: boolean) => ({ type: 'number' as const, validate: (n: number) => Number.isFinite(n) && (!integer || Number.isInteger(n)) });

export const NUMBER_FORMATS = { int32: format(true), int64: format(true), float: format(false), double: format(false) };
