/**
 * The CSP allows no eval. Zod probes for it (`new Function("")`) as it builds its first object
 * schema, and the browser reports the refused probe as a violation even though zod catches it.
 * Told `jitless`, zod never probes. It takes its settings from this global when it loads, and
 * it loads only with a later screen's code, so they are set here, before anything else runs.
 */
const settings = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
settings.__zod_globalConfig = { ...settings.__zod_globalConfig, jitless: true };
