import { PROMISE_TEMPLATES, type PromiseTemplate } from "../../../../domain/promise-templates.ts";
import { Button } from "../../../ui/button.tsx";
import { AREA_LABELS, cadenceWords } from "../promise-view.ts";

function TemplateList({
  templates,
  onPick,
}: {
  templates: readonly PromiseTemplate[];
  onPick: (template: PromiseTemplate) => void;
}) {
  return (
    <ul className="promises-templates__list">
      {templates.map((template) => (
        <li key={template.key} className="promises-template">
          <p className="promises-template__title">{template.title}</p>
          <p className="promises-template__text">{template.text}</p>
          <p className="promises-template__meta">
            {cadenceWords(template.cadence, null)}
            {template.area ? ` · ${AREA_LABELS[template.area]}` : ""}
          </p>
          <Button
            size="small"
            variant="secondary"
            aria-label={`Start from this: ${template.title}`}
            onClick={() => onPick(template)}
          >
            Start from this
          </Button>
        </li>
      ))}
    </ul>
  );
}

/** Promises to start from: picking one fills the builder, to be put into one's own words. */
export function TemplatePicker({ onPick }: { onPick: (template: PromiseTemplate) => void }) {
  const ordinary = PROMISE_TEMPLATES.filter((t) => t.kind === "ordinary");
  const routines = PROMISE_TEMPLATES.filter((t) => t.kind === "transparency");
  return (
    <div className="promises-templates">
      <h3 className="promises-templates__heading">Small promises</h3>
      <TemplateList templates={ordinary} onPick={onPick} />
      <h3 className="promises-templates__heading">Transparency routines</h3>
      <p className="muted small">
        Something you offer to open up for a while, agreed by you both, with a review day.
      </p>
      <TemplateList templates={routines} onPick={onPick} />
    </div>
  );
}
