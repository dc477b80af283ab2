import { Link } from "react-router";
import { Card } from "../../../ui/card.tsx";
import { useSignals } from "../api/signals.ts";
import { splitSignals } from "../signals.ts";
import "../signals.css";

/**
 * A short note on Home while a signal is open and not snoozed. Nothing shows otherwise, nor when
 * the signals can't be read: Home never raises an error for a gentle note.
 */
export function HomeSignal() {
  const signals = useSignals();
  const open = splitSignals(signals.data?.signals ?? [], new Date()).open;
  const first = open[0];
  if (!first) return null;
  return (
    <Card title="When to seek support" tone="calm" className="home-signal">
      <p>
        <strong>{first.title}.</strong> {first.why}
      </p>
      {open.length > 1 ? (
        <p className="small">
          There {open.length === 2 ? "is one more note" : `are ${open.length - 1} more notes`} like
          this.
        </p>
      ) : null}
      <p>
        <Link to="/support#signals">See why, and one next step</Link>
      </p>
    </Card>
  );
}
