import type { ReactNode } from "react";
import { PHASES, type Phase } from "../../../../domain/phases.ts";
import { WEEKDAYS, type Weekday } from "../../../../domain/schedule.ts";
import { formatDateTime, formatDay } from "../../../ui/format.ts";
import { PHASE_COPY } from "../../couples/copy.ts";
import { WEEKDAY_NAMES } from "../../talks/copy.ts";

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Field names as the summary says them; any other is spelled out from its name. */
const LABELS: Record<string, string> = {
  at: "When",
  by: "By",
  createdAt: "Written",
  updatedAt: "Last changed",
  lastSeenAt: "Last seen",
  text: "Words",
  note: "Note",
  status: "Where it stands",
  visibility: "Who can see it",
  reviewOn: "Review on",
  device: "Device",
  current: "This device, when the file was made",
  sentence: "In short",
};

/** Said by another field already: whose an item is shows as "By" with a name. */
const SAID_ELSEWHERE = new Set(["mine", "byMe"]);

const VISIBILITY: Record<string, string> = { private: "Only you", couple: "Both of you" };

/**
 * Fields whose values are the API's codes (a status, a kind, a weekday), never anyone's words:
 * these read as plain words ("asked-again" as "Asked again", "sun" as "Sunday").
 */
const CODE_FIELDS = new Set([
  "status",
  "state",
  "kind",
  "kinds",
  "type",
  "category",
  "area",
  "theme",
  "section",
  "stance",
  "leaning",
  "mark",
  "self",
  "partner",
  "view",
  "went",
  "heard",
  "answer",
  "action",
  "direction",
  "therapy",
  "what",
  "plan",
  "role",
  "relation",
  "resolution",
  "weekday",
  "days",
  "checkinWeekday",
]);
const CODE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

const isWeekday = (value: string): value is Weekday =>
  (WEEKDAYS as readonly string[]).includes(value);

/** A code as words: a weekday by its name, anything else with its hyphens as spaces. */
export function codeWords(value: string): string {
  if (isWeekday(value)) return WEEKDAY_NAMES[value];
  const words = value.replaceAll("-", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const isCode = (value: string, field: string | undefined) =>
  field !== undefined && CODE_FIELDS.has(field) && CODE.test(value);

/** `raisedBy` → "Raised by"; `authorId` → "Author". */
export function labelOf(key: string): string {
  const known = LABELS[key];
  if (known) return known;
  const words = key
    .replace(/Ids?$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const isPhase = (value: string): value is Phase => (PHASES as readonly string[]).includes(value);

/** Ids mean nothing on paper, except a partner's, which is shown as their name. */
function isBareId(key: string): boolean {
  return key === "id" || /Ids?$/.test(key) || key === "publicKey" || SAID_ELSEWHERE.has(key);
}

interface Props {
  value: unknown;
  /** Each partner's id and name, so "who" reads as a person. */
  names: ReadonlyMap<string, string>;
  field?: string;
}

function plain(value: string, names: Props["names"], field: string | undefined): ReactNode {
  const name = names.get(value);
  if (name) return name;
  if (field === "visibility" && VISIBILITY[value]) return VISIBILITY[value];
  if (isPhase(value)) return PHASE_COPY[value].name;
  if (isCode(value, field)) return codeWords(value);
  if (TIMESTAMP.test(value)) return formatDateTime(value);
  if (DAY.test(value)) return formatDay(value);
  return <span className="user-text">{value}</span>;
}

function Fields({ record, names }: { record: Record<string, unknown>; names: Props["names"] }) {
  const shown = Object.entries(record).filter(
    ([key, value]) =>
      value !== null &&
      value !== undefined &&
      !(isBareId(key) && !(typeof value === "string" && names.has(value))),
  );
  if (shown.length === 0) return <span className="muted">Nothing here.</span>;
  return (
    <dl className="export-fields">
      {shown.map(([key, value]) => (
        <div key={key}>
          <dt>{labelOf(key)}</dt>
          <dd>
            <ExportValue value={value} names={names} field={key} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Any part of the export, readably: lists as lists, records as labelled fields. */
export function ExportValue({ value, names, field }: Props): ReactNode {
  if (value === null || value === undefined || value === "") {
    return <span className="muted">None</span>;
  }
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return plain(value, names, field);
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">None</span>;
    if (value.every((item) => typeof item !== "object" || item === null)) {
      return value
        .map((item) =>
          typeof item === "string" && isCode(item, field) ? codeWords(item) : String(item),
        )
        .join(", ");
    }
    return (
      <ol className="export-list">
        {value.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the export is read once and never reordered
          <li key={index}>
            <ExportValue value={item} names={names} />
          </li>
        ))}
      </ol>
    );
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  // A reply such as `{ stressors: [...] }` reads as its list.
  if (keys.length === 1 && keys[0] !== undefined && Array.isArray(record[keys[0]])) {
    return <ExportValue value={record[keys[0]]} names={names} />;
  }
  return <Fields record={record} names={names} />;
}
