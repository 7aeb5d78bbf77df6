/** Every page of a paged list operation, following its token until the last page. */

export interface Page<T> {
  items: T[];
  token: string | undefined;
}

/**
 * Calls `fetch` with undefined, then with each page's token, until a page comes without one.
 * Returns the items in order and each page's size; stops after `maxPages` to fail a loop rather
 * than hang.
 */
export async function allPages<T>(fetch: (token: string | undefined) => Promise<Page<T>>, maxPages = 1000): Promise<{ items: T[]; sizes: number[] }> {
  const items: T[] = [];
  const sizes: number[] = [];
  let token: string | undefined;
  do {
    if (sizes.length >= maxPages) throw new Error(`still paging after ${maxPages} pages`);
    const page = await fetch(token);
    items.push(...page.items);
    sizes.push(page.items.length);
    token = page.token;
  } while (token);
  return { items, sizes };
}
