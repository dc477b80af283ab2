import { Link } from "react-router";
import { Card } from "../../../ui/card.tsx";
import { formatDate } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { partnerSharedLine, standingLabel } from "../copy.ts";
import type { Prompt, Standing, ThemeGroup } from "../standing.ts";

const BADGE: Record<Standing["kind"], string> = {
  "not-started": "badge",
  draft: "badge",
  waiting: "badge badge--primary",
  "side-by-side": "badge badge--calm",
};

/** When the viewer last touched it, for their own words only. */
function dateLine(standing: Standing): string | null {
  if (standing.kind === "draft") return `saved ${formatDate(standing.mine.updatedAt)}`;
  if (standing.kind === "waiting" && standing.mine.sharedAt) {
    return `shared ${formatDate(standing.mine.sharedAt)}`;
  }
  if (standing.kind === "side-by-side") {
    const comments = standing.pair.mine.comments.length + standing.pair.theirs.comments.length;
    return comments === 0 ? null : `${comments} comment${comments === 1 ? "" : "s"}`;
  }
  return null;
}

function promptHref(prompt: Prompt): string {
  return `/reflections?prompt=${encodeURIComponent(prompt.key)}`;
}

function PromptLink({ prompt, standing }: { prompt: Prompt; standing: Standing }) {
  const { partnerName } = usePeople();
  const partnerLine = partnerSharedLine(standing, partnerName);
  const date = dateLine(standing);
  return (
    <Link
      to={promptHref(prompt)}
      className={`reflections-prompt reflections-prompt--${standing.kind}${partnerLine ? " reflections-prompt--partner-shared" : ""}`}
      data-prompt={prompt.key}
    >
      <span className="reflections-prompt__text">{prompt.text}</span>
      <span className="reflections-prompt__standing">
        <span className={BADGE[standing.kind]}>{standingLabel(standing, partnerName)}</span>
        {date ? <span className="reflections-prompt__date">{date}</span> : null}
      </span>
      {partnerLine ? <span className="reflections-prompt__partner">{partnerLine}</span> : null}
    </Link>
  );
}

/** Every prompt under its theme, each with where the viewer stands on it. */
export function ThemeList({ groups }: { groups: ThemeGroup[] }) {
  return (
    <>
      {groups.map(({ theme, prompts }) => (
        <Card key={theme.key} title={theme.title} id={`theme-${theme.key}`}>
          <p className="reflections-theme__intro">{theme.intro}</p>
          <ul className="reflections-prompts">
            {prompts.map(({ prompt, standing }) => (
              <li key={prompt.key}>
                <PromptLink prompt={prompt} standing={standing} />
              </li>
            ))}
          </ul>
        </Card>
      ))}
    </>
  );
}
