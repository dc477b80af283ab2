import { useState } from "react";
import { WEEKDAYS, type Weekday } from "../../../../domain/schedule.ts";
import { isApiError } from "../../../ui/api-client.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { SelectField } from "../../../ui/field.tsx";
import { browserTimeZone, zonePlace } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { type CheckinsData, useSetCheckinDay } from "../api/checkins.ts";
import { WEEKDAY_NAMES } from "../copy.ts";

/**
 * The couple's check-in day: either partner chooses it, both see who did. From that day on, Home
 * reminds whichever of them has not checked in yet that week.
 */
export function CheckinDay({
  day,
  timeZone,
  readOnly,
}: {
  day: CheckinsData["day"];
  timeZone: string;
  readOnly: boolean;
}) {
  const people = usePeople();
  const setDay = useSetCheckinDay();
  const [chosen, setChosen] = useState<Weekday>(day?.weekday ?? "sun");
  const [status, setStatus] = useState("");
  const elsewhere = timeZone !== browserTimeZone();

  return (
    <div className="stack">
      <p>
        {day ? (
          <>
            Your check-in day is <strong>{WEEKDAY_NAMES[day.weekday]}</strong>, chosen by{" "}
            {people.nameOf(day.setBy)}.
          </>
        ) : (
          "You haven't chosen a check-in day yet."
        )}
      </p>
      <p className="muted">
        From that day{elsewhere ? ` (counted in ${zonePlace(timeZone)} time)` : ""} until the week
        ends, Home gently reminds whichever of you hasn't checked in for the week yet. It never says
        anything about the other's answers. Either of you can change the day.
      </p>
      {readOnly ? null : (
        <form
          className="form form--tight checkin-day__form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setStatus("");
            setDay.mutate(chosen, {
              onSuccess: () =>
                setStatus(
                  `${WEEKDAY_NAMES[chosen]} is now your check-in day. ${people.nameOf(people.partner?.id, { capital: true })} sees that you chose it.`,
                ),
            });
          }}
        >
          <ErrorSummary
            errors={
              setDay.isError
                ? [
                    {
                      message: isApiError(setDay.error)
                        ? setDay.error.message
                        : "Something went wrong. Please try again.",
                    },
                  ]
                : []
            }
          />
          <SelectField
            id="checkin-day"
            label="Check-in day"
            className="field--short"
            value={chosen}
            onChange={(event) => {
              const weekday = WEEKDAYS.find((value) => value === event.target.value);
              if (weekday) setChosen(weekday);
            }}
            options={WEEKDAYS.map((weekday) => ({ value: weekday, label: WEEKDAY_NAMES[weekday] }))}
          />
          <div className="actions">
            <Button type="submit" variant="secondary" busy={setDay.isPending}>
              {day ? `Make ${WEEKDAY_NAMES[chosen]} our day` : `Choose ${WEEKDAY_NAMES[chosen]}`}
            </Button>
          </div>
        </form>
      )}
      <LiveStatus message={status} />
    </div>
  );
}
