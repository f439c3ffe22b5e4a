import type { Store } from '../ports';

/** Every item under a prefix, page by page: keys are per item, so lists can be long. */
export async function collect<T>(store: Store, prefix: string): Promise<T[]> {
  const values: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.list<T>(prefix, cursor ? { cursor } : {});
    values.push(...page.items.map((item) => item.value));
    cursor = page.cursor;
  } while (cursor);
  return values;
}
