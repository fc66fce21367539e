/**
 * Schema changes, applied in order and recorded by id. SQL is kept to the
 * common subset of SQLite and PostgreSQL (TEXT, INTEGER, BIGINT, timestamps as
 * ISO-8601 TEXT) so both engines run the same list. Append; never edit a
 * migration that has shipped.
 */
export interface Migration {
  id: string;
  sql: string;
  /** PostgreSQL's text, only where the engines must differ. */
  postgres?: string;
}

export const migrations: Migration[] = [
  {
    id: '0001_foundation',
    sql: `
      CREATE TABLE IF NOT EXISTS job_slots (
        job TEXT NOT NULL,
        slot TEXT NOT NULL,
        owner TEXT NOT NULL,
        claimed_at TEXT NOT NULL,
        completed_at TEXT,
        result TEXT,
        PRIMARY KEY (job, slot)
      );
      CREATE TABLE IF NOT EXISTS meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    id: '0002_radar',
    sql: `
      CREATE TABLE IF NOT EXISTS opportunities (
        id TEXT PRIMARY KEY,
        repo TEXT NOT NULL,
        number INTEGER NOT NULL,
        url TEXT NOT NULL,
        title TEXT NOT NULL,
        labels TEXT NOT NULL,
        body_excerpt TEXT NOT NULL,
        stars INTEGER NOT NULL,
        comments INTEGER NOT NULL,
        score REAL NOT NULL,
        reasons TEXT NOT NULL,
        first_seen_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        shown_at TEXT,
        posted_in_digest_at TEXT,
        dismissed_at TEXT,
        proposed_at TEXT,
        listed_channel TEXT,
        listed_ts TEXT
      );
    `,
  },
  {
    id: '0003_delivery',
    sql: `
      CREATE TABLE IF NOT EXISTS github_webhook_events (
        id TEXT PRIMARY KEY,
        event TEXT NOT NULL,
        payload TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        received_at TEXT NOT NULL,
        processed_at TEXT
      );
      CREATE INDEX IF NOT EXISTS github_webhook_events_pending
        ON github_webhook_events (status, received_at);
      CREATE TABLE IF NOT EXISTS delivery_written (
        page_id TEXT PRIMARY KEY,
        pr_url TEXT NOT NULL,
        pr_updated_at TEXT NOT NULL,
        state TEXT NOT NULL,
        written_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS delivery_repo_cursors (
        repo TEXT PRIMARY KEY,
        etag TEXT,
        since TEXT,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS delivery_unmatched (
        pr_url TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        first_seen_at TEXT NOT NULL,
        reported_at TEXT
      );
    `,
  },
  {
    id: '0004_proposals',
    sql: `
      CREATE TABLE IF NOT EXISTS proposals (
        id TEXT PRIMARY KEY,
        opportunity_id TEXT NOT NULL,
        issue_url TEXT NOT NULL,
        issue_title TEXT NOT NULL,
        locale TEXT NOT NULL,
        sections TEXT NOT NULL,
        hours INTEGER NOT NULL,
        state TEXT NOT NULL,
        version INTEGER NOT NULL,
        requested_by TEXT NOT NULL,
        channel TEXT NOT NULL,
        ts TEXT NOT NULL,
        thread_ts TEXT,
        similarity TEXT,
        decided_by TEXT,
        decided_at TEXT,
        reject_reason TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS proposals_opportunity ON proposals (opportunity_id);
      CREATE INDEX IF NOT EXISTS proposals_created ON proposals (created_at);
    `,
  },
  {
    id: '0005_snapshots',
    sql: `
      CREATE TABLE IF NOT EXISTS client_snapshots (
        client_id TEXT NOT NULL,
        week TEXT NOT NULL,
        posted_at TEXT NOT NULL,
        points_done REAL NOT NULL,
        points_total REAL NOT NULL,
        count_done INTEGER NOT NULL,
        count_total INTEGER NOT NULL,
        ts TEXT,
        PRIMARY KEY (client_id, week)
      );
    `,
  },
  {
    // PostgreSQL's REAL is 4 bytes (SQLite's is 8): scores and points would lose digits. And
    // text there sorts by the database's locale; "C" sorts by bytes, as SQLite does, so
    // lists come out in the same order on both engines.
    id: '0006_postgres_like_sqlite',
    sql: '-- SQLite: REAL is already 8 bytes and text already sorts by bytes',
    postgres: `
      ALTER TABLE opportunities ALTER COLUMN score TYPE DOUBLE PRECISION,
        ALTER COLUMN id TYPE TEXT COLLATE "C";
      ALTER TABLE client_snapshots ALTER COLUMN points_done TYPE DOUBLE PRECISION,
        ALTER COLUMN points_total TYPE DOUBLE PRECISION, ALTER COLUMN week TYPE TEXT COLLATE "C";
      ALTER TABLE github_webhook_events ALTER COLUMN id TYPE TEXT COLLATE "C",
        ALTER COLUMN received_at TYPE TEXT COLLATE "C";
      ALTER TABLE delivery_unmatched ALTER COLUMN pr_url TYPE TEXT COLLATE "C",
        ALTER COLUMN first_seen_at TYPE TEXT COLLATE "C";
      ALTER TABLE proposals ALTER COLUMN created_at TYPE TEXT COLLATE "C";
    `,
  },
  {
    id: '0007_webhook_claims',
    sql: `
      ALTER TABLE github_webhook_events ADD COLUMN claimed_by TEXT;
      ALTER TABLE github_webhook_events ADD COLUMN claimed_at TEXT;
    `,
  },
  {
    // A digest claim becomes a lease (who, since when); posted_in_digest_at now means the
    // post landed. Rows claimed before this migration keep counting as posted.
    id: '0008_digest_claims',
    sql: `
      ALTER TABLE opportunities ADD COLUMN digest_claimed_by TEXT;
      ALTER TABLE opportunities ADD COLUMN digest_claimed_at TEXT;
    `,
  },
  {
    // Slack request signatures seen in the last 5 minutes, shared by restarts
    // and replicas: a replayed request is refused everywhere.
    id: '0009_slack_signatures',
    sql: `
      CREATE TABLE IF NOT EXISTS slack_signatures (
        signature TEXT PRIMARY KEY,
        request_ts BIGINT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS slack_signatures_ts ON slack_signatures (request_ts);
    `,
  },
  {
    // A pull request that named another client's Notion item: not written,
    // reported once by /gigs sync (clients[].repos).
    id: '0010_delivery_refused',
    sql: `
      CREATE TABLE IF NOT EXISTS delivery_refused (
        pr_url TEXT NOT NULL,
        page_id TEXT NOT NULL,
        pr_title TEXT NOT NULL,
        item_title TEXT NOT NULL,
        item_client TEXT,
        first_seen_at TEXT NOT NULL,
        reported_at TEXT,
        PRIMARY KEY (pr_url, page_id)
      );
    `,
  },
  {
    // One open draft per opportunity, enforced by the store: concurrent presses
    // of Draft (or /gigs propose of one URL) create one. Open duplicates made
    // before this migration are closed first, the earliest kept.
    id: '0011_one_open_draft',
    sql: `
      UPDATE proposals SET state = 'rejected', decided_at = updated_at,
        reject_reason = 'duplicate of an earlier open draft'
      WHERE state = 'drafted' AND EXISTS (
        SELECT 1 FROM proposals p
        WHERE p.opportunity_id = proposals.opportunity_id AND p.state = 'drafted'
          AND (p.created_at < proposals.created_at
            OR (p.created_at = proposals.created_at AND p.id < proposals.id)));
      CREATE UNIQUE INDEX IF NOT EXISTS proposals_one_open
        ON proposals (opportunity_id) WHERE state = 'drafted';
    `,
  },
  {
    // Opportunities from any source (issue 20): an id is `source:key`, the row keeps the
    // source, its key, a label, the project it belongs to and the source's own data (meta,
    // JSON). Today's rows are GitHub issues: `owner/repo#12` becomes `github:owner/repo#12`,
    // repo the project, number part of the key; drafts follow their opportunity's new id.
    id: '0012_opportunity_sources',
    sql: `
      ALTER TABLE opportunities ADD COLUMN source TEXT NOT NULL DEFAULT 'github';
      ALTER TABLE opportunities ADD COLUMN source_key TEXT NOT NULL DEFAULT '';
      ALTER TABLE opportunities ADD COLUMN label TEXT NOT NULL DEFAULT '';
      ALTER TABLE opportunities ADD COLUMN meta TEXT NOT NULL DEFAULT '{}';
      UPDATE opportunities SET source_key = id, label = id, id = 'github:' || id
        WHERE id NOT LIKE 'github:%';
      ALTER TABLE opportunities RENAME COLUMN repo TO project;
      ALTER TABLE opportunities DROP COLUMN number;
      UPDATE proposals SET opportunity_id = 'github:' || opportunity_id
        WHERE opportunity_id NOT LIKE '%:%';
    `,
  },
  {
    // Client reports (issue 23): each client's weekly report as it was built (the snapshot as
    // JSON, the chart as base64 PNG), so the Slack post, the e-mail, the PDF and the link's
    // page show one Notion read; whether it is held for approval; and, per way it goes out
    // (e-mail, the PDF in Slack, the preview…), the state of its one delivery.
    id: '0013_report_deliveries',
    sql: `
      CREATE TABLE IF NOT EXISTS client_reports (
        client_id TEXT NOT NULL,
        week TEXT NOT NULL,
        slot_at TEXT NOT NULL,
        built_at TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        snapshot TEXT NOT NULL,
        chart TEXT,
        hold TEXT NOT NULL,
        approved_by TEXT,
        approved_at TEXT,
        note TEXT,
        PRIMARY KEY (client_id, week)
      );
      CREATE TABLE IF NOT EXISTS report_deliveries (
        client_id TEXT NOT NULL,
        week TEXT NOT NULL,
        channel TEXT NOT NULL,
        state TEXT NOT NULL,
        owner TEXT,
        claimed_at TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_at TEXT,
        last_error TEXT,
        done_at TEXT,
        result TEXT,
        PRIMARY KEY (client_id, week, channel)
      );
    `,
  },
  {
    // Leads (issue 22): your pull requests in others' repositories, followed from opening to a
    // paying client; what each repository's CONTRIBUTING says about a commercial line (cached
    // with its ETag); and proposals marked sent, for the funnel. Amounts are decimal text.
    id: '0014_leads',
    sql: `
      CREATE TABLE IF NOT EXISTS leads (
        id TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        repo TEXT NOT NULL,
        number INTEGER NOT NULL,
        author TEXT NOT NULL,
        state TEXT NOT NULL,
        origin TEXT NOT NULL,
        watched_by TEXT,
        opportunity_id TEXT,
        facts TEXT NOT NULL,
        contributing TEXT,
        pr_created_at TEXT NOT NULL,
        pr_updated_at TEXT NOT NULL,
        last_event_at TEXT,
        first_reply_at TEXT,
        merged_at TEXT,
        channel TEXT,
        ts TEXT,
        validated_at TEXT,
        validation TEXT,
        validation_ts TEXT,
        won_amount TEXT,
        won_currency TEXT,
        won_at TEXT,
        won_by TEXT,
        etag TEXT,
        first_seen_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS leads_url ON leads (url);
      CREATE TABLE IF NOT EXISTS contributing_checks (
        repo TEXT PRIMARY KEY,
        verdict TEXT NOT NULL,
        path TEXT,
        quote TEXT,
        etag TEXT,
        checked_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS proposal_sends (
        proposal_id TEXT PRIMARY KEY,
        opportunity_id TEXT NOT NULL,
        via TEXT NOT NULL,
        sent_at TEXT NOT NULL
      );
    `,
  },
  {
    // Comment on GitHub (issue 21): one row per approved draft posted as an issue comment,
    // claimed before posting (owner, claimed_at: a lease) and completed with the comment's
    // link; attempts > 1 means an earlier try may have posted, so the taker looks first.
    id: '0015_proposal_comments',
    sql: `
      CREATE TABLE IF NOT EXISTS proposal_comments (
        proposal_id TEXT PRIMARY KEY,
        issue_url TEXT NOT NULL,
        state TEXT NOT NULL,
        owner TEXT NOT NULL,
        claimed_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 1,
        first_claimed_at TEXT NOT NULL,
        comment_url TEXT,
        posted_by TEXT,
        posted_at TEXT
      );
    `,
  },
];
