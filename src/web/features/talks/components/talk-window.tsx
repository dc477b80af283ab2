import { formatWindow, formatWindowElsewhere } from "../../../ui/format.ts";

/**
 * A window as the viewer reads it on their own clock, and, when the talk time is kept in
 * another zone (partners may live apart), on that zone's clock too.
 */
export function TalkWindowText({
  startsAt,
  endsAt,
  timeZone,
  now,
}: {
  startsAt: string;
  endsAt: string;
  timeZone: string;
  now?: Date;
}) {
  const elsewhere = formatWindowElsewhere(startsAt, endsAt, timeZone);
  return (
    <span className="talk-window">
      <time className="talk-window__when" dateTime={startsAt}>
        {formatWindow(startsAt, endsAt, now)}
      </time>
      {elsewhere ? <span className="talk-window__elsewhere">({elsewhere})</span> : null}
    </span>
  );
}
