import type { z } from "zod";
import type { AskBody, Question } from "../../../contracts/questions.ts";
import {
  groupByQuestion,
  type LedgerEvent,
  ledgerWeeks,
  QUESTION_STATES,
  type QuestionMove,
  questionMoveProblem,
  stateAfter,
} from "../../../domain/questions.ts";
import type { Scope } from "../../platform/access.ts";
import type {
  QuestionAnswerRow,
  QuestionAskingRow,
  QuestionRow,
} from "../../platform/db-schema.ts";
import { errors } from "../../platform/errors.ts";
import { storedEnum } from "../../platform/stored.ts";
import type { ScopedStores } from "../../platform/stores.ts";
import type { ServiceDeps } from "../deps.ts";
import type { QuestionStore } from "./question.store.ts";

type Store = QuestionStore;

/**
 * The question ledger. Every question is shared with the couple: the point is that one asks and
 * the other answers. Repeats are linked and counted, so looping shows in the weekly counts.
 */
export function questionService(
  { clock }: ServiceDeps,
  stores: ScopedStores<Store>,
  coupleTimeZone: (scope: Scope) => Promise<string>,
) {
  function present(
    row: QuestionRow,
    scope: Scope,
    answers: readonly QuestionAnswerRow[],
    askings: readonly QuestionAskingRow[],
  ): Question {
    return {
      id: row.id,
      text: row.text,
      state: storedEnum(QUESTION_STATES, row.state),
      askedBy: row.author_id,
      mine: row.author_id === scope.viewerId,
      askedAt: row.created_at,
      repeatOf: row.repeat_of,
      timesAsked: row.times_asked,
      deferredTo: row.deferred_to,
      answers: answers.map((a) => ({
        id: a.id,
        by: a.author_id,
        mine: a.author_id === scope.viewerId,
        at: a.created_at,
        text: a.text,
      })),
      askedAgain: askings.map((a) => ({
        id: a.id,
        at: a.created_at,
        ...(a.note ? { note: a.note } : {}),
      })),
      letGoAt: row.let_go_at,
    };
  }

  async function one(store: Store, scope: Scope, id: string): Promise<Question> {
    const row = await store.find(id);
    if (!row) throw errors.notFound("That question");
    const [answers, askings] = await Promise.all([store.answers(), store.askings()]);
    return present(
      row,
      scope,
      answers.filter((a) => a.question_id === row.id),
      askings.filter((a) => a.question_id === row.id),
    );
  }

  /** Checks the move against the question as read, then makes it only from that state. */
  async function moveOn(
    scope: Scope,
    id: string,
    move: QuestionMove,
    work: (store: Store, row: QuestionRow, now: string) => Promise<Partial<QuestionRow>>,
  ): Promise<Question> {
    return stores.transaction(scope, async (store) => {
      const row = await store.find(id);
      if (!row) throw errors.notFound("That question");
      const state = storedEnum(QUESTION_STATES, row.state);
      const problem = questionMoveProblem({ state, askedBy: row.author_id }, move, scope.viewerId);
      if (problem) throw errors.conflict("question_state", problem);
      const now = clock.now().toISOString();
      const change = await work(store, row, now);
      const moved = await store.move(id, row.state, {
        state: stateAfter(move, state),
        ...change,
        updated_at: now,
      });
      if (!moved) {
        throw errors.conflict("question_state", "This question changed meanwhile. Have a look.");
      }
      return one(store, scope, id);
    });
  }

  return {
    async list(scope: Scope) {
      const store = stores.at(scope);
      const [rows, answers, askings, timeZone] = await Promise.all([
        store.list(),
        store.answers(),
        store.askings(),
        coupleTimeZone(scope),
      ]);
      // By question, once: the whole ledger is read, so matching per question would be quadratic.
      const answersOf = groupByQuestion(answers, (a) => a.question_id);
      const askingsOf = groupByQuestion(askings, (a) => a.question_id);
      const events: LedgerEvent[] = [
        ...rows.map((r) => ({
          kind: r.repeat_of ? ("asked-again" as const) : ("asked" as const),
          at: r.created_at,
        })),
        ...askings.map((a) => ({ kind: "asked-again" as const, at: a.created_at })),
        ...answers.map((a) => ({ kind: "answered" as const, at: a.created_at })),
        ...rows.flatMap((r) => (r.let_go_at ? [{ kind: "let-go" as const, at: r.let_go_at }] : [])),
      ];
      return {
        questions: rows.map((row) =>
          present(row, scope, answersOf.get(row.id) ?? [], askingsOf.get(row.id) ?? []),
        ),
        weeks: ledgerWeeks(events, timeZone),
        timeZone,
      };
    },

    /** The partner's questions the viewer has yet to answer (or keep for a talk). */
    async awaitingAnswer(scope: Scope) {
      const rows = await stores.at(scope).awaitingAnswer();
      return rows.map((row) => ({
        askedBy: row.author_id,
        state: storedEnum(QUESTION_STATES, row.state),
        deferredTo: row.deferred_to,
      }));
    },

    async ask(scope: Scope, input: z.infer<typeof AskBody>) {
      return stores.transaction(scope, async (store) => {
        let timesAsked = 1;
        if (input.repeatOf) {
          const earlier = await store.find(input.repeatOf);
          if (!earlier) throw errors.invalid({ repeatOf: "That earlier question was not found." });
          timesAsked = earlier.times_asked + 1;
        }
        const now = clock.now().toISOString();
        await store.insert({
          id: input.id,
          couple_id: scope.coupleId,
          author_id: scope.viewerId,
          visibility: "couple",
          text: input.text,
          state: "open",
          repeat_of: input.repeatOf ?? null,
          times_asked: timesAsked,
          deferred_to: null,
          created_at: now,
          updated_at: now,
          let_go_at: null,
        });
        return one(store, scope, input.id);
      });
    },

    answer: (scope: Scope, id: string, input: { id: string; text: string }) =>
      moveOn(scope, id, "answer", async (store, row, now) => {
        await store.insertAnswer({
          id: input.id,
          couple_id: scope.coupleId,
          author_id: scope.viewerId,
          visibility: row.visibility,
          question_id: id,
          text: input.text,
          created_at: now,
        });
        return { deferred_to: null };
      }),

    defer: (scope: Scope, id: string, topic: { id: string; topic: string }) =>
      moveOn(scope, id, "defer", async (store, row, now) => {
        await store.insertTopic({
          id: topic.id,
          couple_id: scope.coupleId,
          raised_by: scope.viewerId,
          topic: topic.topic,
          status: "open",
          carried_over: 0,
          on_agenda_at: null,
          visibility: row.visibility,
          created_at: now,
          updated_at: now,
        });
        return { deferred_to: topic.id };
      }),

    askAgain: (scope: Scope, id: string, input: { id: string; note?: string | undefined }) =>
      moveOn(scope, id, "ask-again", async (store, row, now) => {
        await store.insertAsking({
          id: input.id,
          couple_id: scope.coupleId,
          author_id: scope.viewerId,
          visibility: row.visibility,
          question_id: id,
          note: input.note ?? null,
          created_at: now,
        });
        return { times_asked: row.times_asked + 1 };
      }),

    letGo: (scope: Scope, id: string) =>
      moveOn(scope, id, "let-go", async (_store, _row, now) => ({ let_go_at: now })),
  };
}
export type QuestionService = ReturnType<typeof questionService>;
