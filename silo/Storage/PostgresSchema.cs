namespace GbaSim.Silo.Storage;

/// <summary>
/// The PostgreSQL results store's schema, as ordered steps like <see cref="SchemaMigrations"/>'s
/// (never edit a released step: add one). The tables mirror SQLite's so that one set of queries
/// serves both: times are ISO 8601 text, NaN is NULL, and names compare byte by byte
/// (<c>COLLATE "C"</c>, as in SQLite), so listings and CSV exports come out in the same order.
/// </summary>
internal static class PostgresSchema
{
    public static IReadOnlyList<SchemaUpgrade.Migration> All { get; } =
    [
        new(1, "runs, months, month figures, transitions, flows, policy spending, checkpoint manifests, grain states and comparisons", V1),
        new(2, "recoveries of runs from lost silos", V2),
        new(3, "labels people give runs", V3),
    ];

    public static int Latest => All[^1].Version;

    public const string HasVersionTable = "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = 'schema_version'";

    /// <summary>Taken for the upgrade's transaction, so that silos starting together upgrade one after another.</summary>
    public const string UpgradeLock = "SELECT pg_advisory_xact_lock(7283461)";

    private const string V1 = """
        CREATE TABLE schema_version (
            version     INTEGER PRIMARY KEY,
            description TEXT NOT NULL,
            applied_at  TEXT NOT NULL
        );

        CREATE TABLE runs (
            run_key       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            id            TEXT COLLATE "C" NOT NULL UNIQUE,
            scenario      TEXT NOT NULL,
            description   TEXT,
            source_path   TEXT NOT NULL,
            scenario_text TEXT NOT NULL,
            seed          TEXT NOT NULL,
            scale         DOUBLE PRECISION,
            months        INTEGER NOT NULL,
            threads       INTEGER NOT NULL,
            status        TEXT NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled', 'interrupted')),
            created_at    TEXT NOT NULL,
            created_ticks BIGINT NOT NULL,
            started_at    TEXT,
            finished_at   TEXT,
            months_done   INTEGER NOT NULL DEFAULT 0,
            result_hash   TEXT,
            seconds       DOUBLE PRECISION,
            error         TEXT,
            summary       TEXT,
            shards        INTEGER NOT NULL DEFAULT 16,
            granularity   TEXT NOT NULL DEFAULT 'shard'
        );
        CREATE INDEX runs_by_created ON runs (created_ticks DESC, run_key DESC);
        CREATE INDEX runs_by_status ON runs (status);

        CREATE TABLE run_months (
            run_key    BIGINT NOT NULL REFERENCES runs (run_key) ON DELETE CASCADE,
            month      INTEGER NOT NULL,
            year_month TEXT COLLATE "C" NOT NULL,
            PRIMARY KEY (run_key, month)
        );

        CREATE TABLE month_figures (
            run_key BIGINT NOT NULL,
            month   INTEGER NOT NULL,
            city    TEXT COLLATE "C" NOT NULL,
            figure  TEXT COLLATE "C" NOT NULL,
            value   DOUBLE PRECISION,
            PRIMARY KEY (run_key, month, city, figure),
            FOREIGN KEY (run_key, month) REFERENCES run_months (run_key, month) ON DELETE CASCADE
        );

        CREATE TABLE transitions (
            run_key          BIGINT NOT NULL,
            month            INTEGER NOT NULL,
            seq              INTEGER NOT NULL,
            technology_id    BIGINT NOT NULL,
            sector           TEXT COLLATE "C" NOT NULL,
            from_stage       TEXT COLLATE "C" NOT NULL,
            to_stage         TEXT COLLATE "C" NOT NULL,
            outcome          TEXT COLLATE "C" NOT NULL,
            city             TEXT COLLATE "C" NOT NULL,
            crossed_border   BIGINT NOT NULL,
            holder_kind      TEXT COLLATE "C" NOT NULL,
            holder           BIGINT NOT NULL,
            counterpart      BIGINT NOT NULL,
            readiness        BIGINT NOT NULL,
            quality          DOUBLE PRECISION,
            funding_millions DOUBLE PRECISION,
            born_step        BIGINT NOT NULL,
            origin_city      TEXT COLLATE "C" NOT NULL,
            PRIMARY KEY (run_key, month, seq),
            FOREIGN KEY (run_key, month) REFERENCES run_months (run_key, month) ON DELETE CASCADE
        );
        CREATE INDEX transitions_by_technology ON transitions (run_key, technology_id);

        CREATE TABLE flows (
            run_key   BIGINT NOT NULL,
            month     INTEGER NOT NULL,
            kind      TEXT COLLATE "C" NOT NULL,
            from_city TEXT COLLATE "C" NOT NULL,
            to_city   TEXT COLLATE "C" NOT NULL,
            amount    DOUBLE PRECISION,
            PRIMARY KEY (run_key, month, kind, from_city, to_city),
            FOREIGN KEY (run_key, month) REFERENCES run_months (run_key, month) ON DELETE CASCADE
        );

        CREATE TABLE policy_spending (
            run_key       BIGINT NOT NULL,
            month         INTEGER NOT NULL,
            seq           INTEGER NOT NULL,
            policy        TEXT COLLATE "C" NOT NULL,
            type          TEXT COLLATE "C" NOT NULL,
            spent         DOUBLE PRECISION,
            spent_to_date DOUBLE PRECISION,
            budget        DOUBLE PRECISION,
            PRIMARY KEY (run_key, month, seq),
            FOREIGN KEY (run_key, month) REFERENCES run_months (run_key, month) ON DELETE CASCADE
        );

        CREATE TABLE checkpoints (
            run_key    BIGINT PRIMARY KEY REFERENCES runs (run_key) ON DELETE CASCADE,
            next_step  BIGINT NOT NULL,
            shards     INTEGER NOT NULL,
            world_hash TEXT NOT NULL,
            run_state  BYTEA NOT NULL,
            at         TEXT NOT NULL
        );

        CREATE TABLE grain_states (
            state_name TEXT COLLATE "C" NOT NULL,
            grain_id   TEXT COLLATE "C" NOT NULL,
            data       BYTEA NOT NULL,
            etag       TEXT NOT NULL,
            PRIMARY KEY (state_name, grain_id)
        );

        CREATE TABLE comparisons (
            id       TEXT COLLATE "C" PRIMARY KEY,
            saved_at TEXT NOT NULL,
            summary  TEXT NOT NULL
        );
        """;

    private const string V2 = """
        CREATE TABLE run_recoveries (
            run_key      BIGINT NOT NULL REFERENCES runs (run_key) ON DELETE CASCADE,
            seq          INTEGER NOT NULL,
            at           TEXT NOT NULL,
            lost_silos   TEXT NOT NULL,
            failed_step  BIGINT NOT NULL,
            restart_step BIGINT NOT NULL,
            seconds      DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (run_key, seq)
        );
        """;

    private const string V3 = """
        CREATE TABLE run_labels (
            run_key BIGINT PRIMARY KEY REFERENCES runs (run_key) ON DELETE CASCADE,
            label   TEXT NOT NULL
        );
        """;
}
