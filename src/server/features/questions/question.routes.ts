import type { FastifyInstance } from "fastify";
import { questionRoutes as routes } from "../../../contracts/questions.ts";
import { serve } from "../../platform/serve.ts";
import { requireScope } from "../../platform/sessions.ts";
import type { QuestionService } from "./question.service.ts";

export function serveQuestions(app: FastifyInstance, questions: QuestionService): void {
  serve(app, routes.list, async ({ request }) => questions.list(requireScope(request)));
  serve(app, routes.ask, async ({ request, body }) => ({
    question: await questions.ask(requireScope(request), body),
  }));
  serve(app, routes.answer, async ({ request, params, body }) => ({
    question: await questions.answer(requireScope(request), params.id, body),
  }));
  serve(app, routes.defer, async ({ request, params, body }) => ({
    question: await questions.defer(requireScope(request), params.id, body.parkingLotItem),
  }));
  serve(app, routes.askAgain, async ({ request, params, body }) => ({
    question: await questions.askAgain(requireScope(request), params.id, body),
  }));
  serve(app, routes.letGo, async ({ request, params }) => ({
    question: await questions.letGo(requireScope(request), params.id),
  }));
}
