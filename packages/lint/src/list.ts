/** The value if it is an array, else an empty one: lint runs on data the schema may have rejected. */
export function listOf<T>(value: readonly T[] | T | undefined | null): readonly T[] {
  return Array.isArray(value) ? (value as readonly T[]) : [];
}
