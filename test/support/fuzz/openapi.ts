/** The parts of JSON Schema that the generated OpenAPI document uses for inputs. */
export interface JsonSchema {
  type?: "object" | "array" | "string" | "integer" | "number" | "boolean" | "null";
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
}

export interface Parameter {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

/** One method on one path of the document: what the fuzz run knows of a route. */
export interface Operation {
  method: string;
  /** The path as the document names it, with `{param}` placeholders. */
  template: string;
  pathParams: Parameter[];
  query: Parameter[];
  body: JsonSchema | null;
}

interface RawParameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface RawOperation {
  parameters?: RawParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
}

const METHODS = new Set(["get", "put", "post", "delete", "patch"]);

function parametersIn(raw: RawOperation, place: "path" | "query"): Parameter[] {
  return (raw.parameters ?? [])
    .filter((p) => p.in === place)
    .map((p) => ({
      name: p.name,
      required: p.required ?? place === "path",
      schema: p.schema ?? {},
    }));
}

/** Every operation of the document, in its order, so a seed means the same cases next time. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([template, methods]) =>
    Object.entries(methods)
      .filter(([method]) => METHODS.has(method))
      .map(([method, raw]) => ({
        method: method.toUpperCase(),
        template,
        pathParams: parametersIn(raw, "path"),
        query: parametersIn(raw, "query"),
        body: raw.requestBody?.content?.["application/json"]?.schema ?? null,
      })),
  );
}

export const operationName = (operation: Operation) => `${operation.method} ${operation.template}`;
