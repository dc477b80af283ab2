/**
 * Cursors for lists that grow with a couple's history: a page of the newest, then "show
 * earlier" from where it ended. A cursor names the last item shown by its time and id (ids
 * break ties between items of the same instant): `<ISO time>~<id>`.
 */
export interface PagePosition {
  at: string;
  id: string;
}

/** How many settled items a page holds; what is still open is always shown whole. */
export const PAGE_SIZE = 50;

export const CURSOR_PATTERN =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z)~([A-Za-z0-9_-]{1,64})$/;

export function cursorOf(position: PagePosition): string {
  return `${position.at}~${position.id}`;
}

/** The position a cursor names, or null for anything that is not one. */
export function positionOf(cursor: string): PagePosition | null {
  const match = CURSOR_PATTERN.exec(cursor);
  return match?.[1] && match[2] ? { at: match[1], id: match[2] } : null;
}

/**
 * One page out of rows read one past the page (newest first): the page, and the cursor of its
 * last row when there is more.
 */
export function pageOf<T>(rows: readonly T[], positionOfRow: (row: T) => PagePosition) {
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return {
    page,
    earlier: rows.length > PAGE_SIZE && last ? cursorOf(positionOfRow(last)) : null,
  };
}
