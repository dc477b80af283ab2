/**
 * Browsers give the cryptography Mend seals words with only to secure pages (https://, or this
 * computer's own address). Served any other way, Mend could not keep a single word private, so
 * it says so on the first screen, before anything is typed, instead of failing later.
 */
export function InsecureContext() {
  return (
    <main className="site-main">
      <div className="page page--narrow stack">
        <h1>Mend can't keep your words private on this connection</h1>
        <p>
          This page was opened over a plain, unencrypted connection. Browsers don't allow the
          locking Mend uses to keep what you write private here, so Mend won't start. Nothing has
          been sent.
        </p>
        <p>
          If you run this Mend: serve it over HTTPS (for example behind Caddy or nginx) and set{" "}
          <code>MEND_PUBLIC_URL=https://…</code>. On this computer alone,{" "}
          <code>http://localhost</code> works too.
        </p>
      </div>
    </main>
  );
}
