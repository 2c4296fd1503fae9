import type { Driver } from 'neo4j-driver';
import { neo4jCode, startupError } from './errors.js';

export interface WaitSettings {
  uri: string;
  user: string;
  database: string;
  /** Give up after this long (NEO4J_WAIT_MS). */
  waitMs: number;
}

/** Refusals that waiting cannot cure: wrong credentials, no such database, locked out. */
const FATAL = /^Neo\.ClientError\.(Security\.|Database\.DatabaseNotFound)/;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until Neo4j answers for the configured database, retrying with a growing delay
 * (0.5 s doubling to 5 s) until `waitMs` has passed. A container or cluster member often
 * takes a while to open Bolt, so each failed attempt is logged with what is awaited and why.
 * Credentials and a missing database fail at once, with a message naming the setting.
 */
export async function waitForNeo4j(
  driver: Driver,
  settings: WaitSettings,
  log: (message: string) => void,
): Promise<void> {
  const deadline = Date.now() + settings.waitMs;
  let delay = 500;
  for (let attempt = 1; ; attempt++) {
    try {
      await driver.verifyConnectivity({ database: settings.database });
      if (attempt > 1) log(`Neo4j at ${settings.uri} is up (attempt ${attempt})`);
      return;
    } catch (err) {
      if (FATAL.test(neo4jCode(err) ?? '')) throw startupError(err, settings);
      if (Date.now() + delay > deadline) throw startupError(err, settings);
      const reason = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
      log(
        `waiting for Neo4j at ${settings.uri} (database "${settings.database}", user "${settings.user}"), attempt ${attempt}: ${reason}; retrying in ${delay / 1000} s`,
      );
      await sleep(delay);
      delay = Math.min(delay * 2, 5000);
    }
  }
}
