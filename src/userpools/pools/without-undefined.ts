/** Drops undefined members, so stored settings and echoes carry only what is set (never `null`). */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
