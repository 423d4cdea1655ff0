/**
 * The worker thread that holds the PostgreSQL connection for sync-client.ts. It is plain CommonJS
 * kept as text, so that it runs the same from the built dist/ and from the TypeScript sources under
 * the tests; everything typed (the SQL, the rows) stays on the hub's side of the bridge.
 *
 * After a reply it posts on the port, it bumps the shared counter and wakes the hub's thread, which
 * waits on that counter. One connection, never replaced inside a transaction: a connection lost
 * mid-transaction fails every statement until the hub rolls back, so nothing of a broken
 * transaction is ever committed on a new connection.
 */
export const WORKER_SOURCE = String.raw`
const { workerData } = require('node:worker_threads');
const pg = require(workerData.pgPath);
const { port, url, connectMs, statementMs, settings } = workerData;
const signal = new Int32Array(workerData.signal);
const types = { getTypeParser: (oid, format) => (oid === 20 ? Number : pg.types.getTypeParser(oid, format)) };

let client = null;
let inTransaction = false;
let lost = false;

function drop(c) {
  if (client !== c) return;
  client = null;
  if (inTransaction) lost = true;
  c.end().catch(() => {});
}

async function connect() {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectMs, statement_timeout: statementMs, query_timeout: statementMs + 1000, keepAlive: true, types, ...(settings ? { options: settings } : {}) });
  c.on('error', () => drop(c));
  await c.connect();
  client = c;
}

async function run(op) {
  if (op.control === 'rollback' && (lost || !client)) {
    lost = false;
    inTransaction = false;
    return { rows: [], command: 'ROLLBACK' };
  }
  if (lost) throw Object.assign(new Error('the connection to PostgreSQL was lost during the transaction'), { code: 'CONNECTION_LOST' });
  if (op.control === 'close') {
    if (client) await client.end().catch(() => {});
    client = null;
    return { rows: [], command: 'CLOSE' };
  }
  if (!client) await connect();
  const c = client;
  try {
    const result = await c.query(op.sql, op.params);
    if (op.control === 'begin') inTransaction = true;
    if (op.control === 'commit' || op.control === 'rollback') inTransaction = false;
    return { rows: result.rows, command: result.command };
  } catch (err) {
    // A server error carries a SQLSTATE and leaves the connection usable; anything else broke it.
    if (!err.severity) drop(c);
    // A failed COMMIT or ROLLBACK ends the transaction either way.
    if (op.control === 'commit' || op.control === 'rollback') {
      inTransaction = false;
      lost = false;
    }
    throw err;
  }
}

port.on('message', async (op) => {
  let reply;
  try {
    reply = { id: op.id, ...(await run(op)) };
  } catch (err) {
    reply = { id: op.id, error: { message: String(err && err.message || err), code: err && err.code ? String(err.code) : undefined } };
  }
  port.postMessage(reply);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
`;
