// Throwaway databases on the PostgreSQL + PostGIS server the suite runs its server tests on.
import { randomBytes } from "node:crypto";
import postgres from "postgres";

/** The server the suite creates its throwaway databases on. */
export const serverUrl =
  process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const admin = () => postgres(serverUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });

let serverCheck: Promise<string | null> | undefined;

/** null when the server has PostGIS; otherwise why the server tests cannot run. */
export function serverUnavailable(): Promise<string | null> {
  serverCheck ??= (async () => {
    const client = admin();
    try {
      const rows = await client`SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'`;
      return rows.length ? null : `PostgreSQL at ${serverUrl} has no PostGIS extension available`;
    } catch (error) {
      return `no PostgreSQL server at ${serverUrl}: ${(error as Error).message}`;
    } finally {
      await client.end({ timeout: 1 });
    }
  })();
  return serverCheck;
}

async function onServer(statement: string) {
  const client = admin();
  try {
    await client.unsafe(statement);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database on the server, empty or a copy of `template` (which must have no connection
 * open while it is copied); the returned function drops it.
 */
export async function createServerDatabase(
  template?: string,
): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `civgrid_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await onServer(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
