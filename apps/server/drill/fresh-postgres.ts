/** A fresh PostgreSQL database on the server of `baseUrl` (for the drills), dropped by `drop()`. */
import pg from 'pg';

let made = 0;

export async function freshPostgres(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  made += 1;
  const name = `skillcert_drill_${process.pid}_${Math.trunc(performance.timeOrigin)}_${made}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}
