import { type ReactNode, useEffect, useRef } from "react";
import { Link, useSearchParams } from "react-router";
import { ButtonLink } from "../../../ui/button.tsx";
import { Page } from "../../../ui/page.tsx";
import { EmptyState, ErrorState, Loading } from "../../../ui/query-state.tsx";
import { usePrompts, useReflections } from "../api/reflections.ts";
import { StandingOverview } from "../components/overview.tsx";
import { PromptView } from "../components/prompt-view.tsx";
import { ThemeList } from "../components/theme-list.tsx";
import { groupByTheme, overviewOf, standingOn } from "../standing.ts";
import "../reflections.css";

const INTRO = (
  <>
    <p>
      Prompts to help you both understand how things came to be. Each of you writes on your own, in
      private. When you're ready, you share; once you have both shared on a prompt, you see your two
      answers side by side.
    </p>
    <p>Neither of you reads the other's answer before writing your own.</p>
  </>
);

function BackLink() {
  return (
    <p className="reflections-back">
      <Link to="/reflections" className="reflections-back__link">
        All reflections
      </Link>
    </p>
  );
}

/**
 * Guided reflections: the prompts by theme with where the viewer stands on each, and, with
 * `?prompt=<key>`, one prompt to write on, wait on, or read side by side. The prompt lives in
 * the address so it can be linked to and the back button leads back to the list.
 */
export function ReflectionsPage() {
  const [params] = useSearchParams();
  const promptKey = params.get("prompt");
  const prompts = usePrompts();
  const reflections = useReflections();
  const ready = prompts.isSuccess && reflections.isSuccess;

  // Opening a prompt starts at its top; coming back to the list returns to the prompt left.
  const left = useRef<string | null>(null);
  useEffect(() => {
    if (promptKey !== null) {
      left.current = promptKey;
      window.scrollTo(0, 0);
      return;
    }
    if (!ready || left.current === null) return;
    const link = document.querySelector<HTMLElement>(`[data-prompt="${CSS.escape(left.current)}"]`);
    left.current = null;
    link?.scrollIntoView({ block: "center" });
    link?.focus({ preventScroll: true });
  }, [promptKey, ready]);

  let content: ReactNode;
  if (prompts.isPending || reflections.isPending) {
    content = <Loading label="Loading reflections…" />;
  } else if (prompts.isError || reflections.isError) {
    const failed = prompts.isError ? prompts : reflections;
    content = <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  } else if (promptKey === null) {
    const data = reflections.data;
    content = (
      <>
        <StandingOverview overview={overviewOf(prompts.data.prompts, data)} />
        <ThemeList groups={groupByTheme(prompts.data.prompts, prompts.data.themes, data)} />
      </>
    );
  } else {
    const prompt = prompts.data.prompts.find((p) => p.key === promptKey);
    const theme = prompts.data.themes.find((t) => t.key === prompt?.theme);
    if (!prompt || !theme) {
      return (
        <Page key="unknown" heading="This prompt isn't here" title="Reflections">
          <EmptyState
            title="The link may be old, or mistyped."
            action={
              <ButtonLink to="/reflections" variant="secondary">
                See all prompts
              </ButtonLink>
            }
          >
            <p>Every prompt there is can be found on the reflections page.</p>
          </EmptyState>
        </Page>
      );
    }
    return (
      <>
        <BackLink />
        <Page
          key={prompt.key}
          heading={prompt.text}
          title="Reflection"
          intro={<p className="reflections-prompt-theme">{theme.title}</p>}
        >
          <PromptView prompt={prompt} standing={standingOn(prompt.key, reflections.data)} />
        </Page>
      </>
    );
  }

  return (
    <Page key="list" heading="Reflections" intro={INTRO}>
      {content}
    </Page>
  );
}
