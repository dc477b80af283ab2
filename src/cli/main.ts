import { loadConfig } from "../server/config.ts";
import { backupCommand } from "./backup.ts";
import { demoCommand } from "./demo.ts";
import { inviteTherapistCommand } from "./invite-therapist.ts";
import { migrateCommand } from "./migrate.ts";
import { resetAccountCommand } from "./reset-account.ts";
import { serveCommand } from "./serve.ts";

const USAGE = `Usage: mend <command>

Commands:
  serve           run migrations, then serve the API and web app
  migrate         bring the database schema up to date
  backup <file>   write a consistent online copy of the SQLite database to <file>
  reset-account <email>
                  print a one-time link that restores sign-in with new keys, for someone who
                  lost both password and recovery code (their private words stay sealed)
  invite-therapist <email>
                  print a one-time link with which a couples therapist makes their account
  demo            seed a demo couple with seventeen weeks of history (made anew in
                  ./data/demo.sqlite) and serve it
`;

const commands: Record<string, (args: string[]) => Promise<void>> = {
  serve: () => serveCommand(loadConfig()),
  migrate: () => migrateCommand(loadConfig()),
  backup: (args) => backupCommand(loadConfig(), args[0]),
  "reset-account": (args) => resetAccountCommand(loadConfig(), args[0]),
  "invite-therapist": (args) => inviteTherapistCommand(loadConfig(), args[0]),
  demo: () =>
    demoCommand(loadConfig({ ...process.env, DATABASE_URL: "sqlite:./data/demo.sqlite" })),
};

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  // "mend demo --help" asks, it does not mean to wipe and reseed the demo database.
  if (!command || args.includes("--help") || args.includes("-h")) {
    process.stdout.write(USAGE);
    process.exitCode = !command && name && name !== "help" && name !== "--help" ? 2 : 0;
    return;
  }
  await command(args);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
