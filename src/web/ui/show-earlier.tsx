import { Button } from "./button.tsx";

/** A paged list's "Show earlier …": shown while there is more, busy while a page comes. */
export function ShowEarlier({
  list,
  label,
}: {
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage(): Promise<unknown> };
  label: string;
}) {
  if (!list.hasNextPage) return null;
  return (
    <div className="actions">
      <Button
        variant="secondary"
        size="small"
        busy={list.isFetchingNextPage}
        onClick={() => void list.fetchNextPage()}
      >
        {label}
      </Button>
    </div>
  );
}
