using GbaSim.Grains.Storage;
using Microsoft.Data.Sqlite;

namespace GbaSim.Silo.Storage;

/// <summary>
/// The results database's schema, as an ordered list of steps. The <c>schema_version</c> table
/// records every step applied; opening a database applies the missing ones in one transaction,
/// so a database is always at exactly one known version. Never edit a released step: add one.
/// </summary>
internal static class SchemaMigrations
{
    public static IReadOnlyList<SchemaUpgrade.Migration> All { get; } =
    [
        new(1, "runs, months, month figures, transitions, flows and policy spending", V1),
        new(2, "how a run's actors were hosted: shard count and granularity", V2),
        new(3, "checkpoint manifests and grain states", V3),
        new(4, "recoveries of runs from lost silos", V4),
        new(5, "labels people give runs", V5),
    ];

    /// <summary>The newest version this build knows.</summary>
    public static int Latest => All[^1].Version;

    private const string HasVersionTable = "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version'";

    /// <summary>The version the database is at (0 for an empty database).</summary>
    public static int CurrentVersion(SqliteConnection connection, SqliteTransaction? transaction = null) =>
        SchemaUpgrade.CurrentVersion(connection, transaction, HasVersionTable);

    /// <summary>
    /// Brings the database up to <see cref="Latest"/> in one transaction and returns how many
    /// steps were applied (0 when it was already current). A database written by a newer build is
    /// refused rather than guessed at.
    /// </summary>
    public static int Apply(SqliteConnection connection, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var transaction = connection.BeginTransaction(deferred: false);
        var applied = SchemaUpgrade.Apply(transaction, All, HasVersionTable, $"The results database '{connection.DataSource}'", "point this one at another data folder", now);
        transaction.Commit();
        return applied;
    }

    // Child tables refer to a run by its integer key rather than its text id: a full-scale run
    // writes some 300,000 transition rows. They are clustered by (run, month) so that appending a
    // month touches only the tail of each tree. There is deliberately no index by figure: its
    // inserts would land all over the tree and double the pages every month writes; a figure's
    // series is instead read by walking run_months and looking each month up by primary key.
    // Enumerations are kept as their file names ("basic-research", "Hong Kong", "ict") so the
    // database reads without a decoder. Reals are nullable because SQLite cannot store NaN:
    // NULL stands for it.
    private const string V1 = """
        CREATE TABLE schema_version (
            version     INTEGER PRIMARY KEY,
            description TEXT NOT NULL,
            applied_at  TEXT NOT NULL
        );

        CREATE TABLE runs (
            run_key       INTEGER PRIMARY KEY,
            id            TEXT NOT NULL UNIQUE,
            scenario      TEXT NOT NULL,
            description   TEXT,
            source_path   TEXT NOT NULL,
            scenario_text TEXT NOT NULL,
            seed          TEXT NOT NULL, -- a ulong in decimal: SQLite integers are signed
            scale         REAL NOT NULL,
            months        INTEGER NOT NULL,
            threads       INTEGER NOT NULL,
            status        TEXT NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled', 'interrupted')),
            created_at    TEXT NOT NULL, -- ISO 8601 with its offset
            created_ticks INTEGER NOT NULL, -- UTC ticks of created_at, for ordering
            started_at    TEXT,
            finished_at   TEXT,
            months_done   INTEGER NOT NULL DEFAULT 0,
            result_hash   TEXT,
            seconds       REAL,
            error         TEXT,
            summary       TEXT -- JSON object of headline figures
        );
        CREATE INDEX runs_by_created ON runs (created_ticks DESC, run_key DESC);
        CREATE INDEX runs_by_status ON runs (status);

        CREATE TABLE run_months (
            run_key    INTEGER NOT NULL REFERENCES runs (run_key) ON DELETE CASCADE,
            month      INTEGER NOT NULL, -- the month's index in the run, from 0
            year_month TEXT NOT NULL,    -- e.g. 2026-01
            PRIMARY KEY (run_key, month)
        ) WITHOUT ROWID;

        CREATE TABLE month_figures (
            run_key INTEGER NOT NULL,
            month   INTEGER NOT NULL,
            city    TEXT NOT NULL, -- 'region' or the city's display name
            figure  TEXT NOT NULL,
            value   REAL,
            PRIMARY KEY (run_key, month, city, figure),
            FOREIGN KEY (run_key, month) REFERENCES run_months (run_key, month) ON DELETE CASCADE
        ) WITHOUT ROWID;

        CREATE TABLE transitions (
            run_key          INTEGER NOT NULL,
            month            INTEGER NOT NULL,
            seq              INTEGER NOT NULL, -- order of recording within the month
            technology_id    INTEGER NOT NULL,
            sector           TEXT NOT NULL,
            from_stage       TEXT NOT NULL,
            to_stage         TEXT NOT NULL,
            outcome          TEXT NOT NULL,
            city             TEXT NOT NULL,
            crossed_border   INTEGER NOT NULL,
            holder_kind      TEXT NOT NULL,
            holder           INTEGER NOT NULL,
            counterpart      INTEGER NOT NULL,
            readiness        INTEGER NOT NULL,
            quality          REAL,
            funding_millions REAL,
            born_step        INTEGER NOT NULL,
            origin_city      TEXT NOT NULL,
            PRIMARY KEY (run_key, month, seq),
            FOREIGN KEY (run_key, month) REFERENCES run_months (run_key, month) ON DELETE CASCADE
        ) WITHOUT ROWID;

        CREATE TABLE flows (
            run_key   INTEGER NOT NULL,
            month     INTEGER NOT NULL,
            kind      TEXT NOT NULL,
            from_city TEXT NOT NULL,
            to_city   TEXT NOT NULL,
            amount    REAL, -- the month's total for the kind and city pair
            PRIMARY KEY (run_key, month, kind, from_city, to_city),
            FOREIGN KEY (run_key, month) REFERENCES run_months (run_key, month) ON DELETE CASCADE
        ) WITHOUT ROWID;

        CREATE TABLE policy_spending (
            run_key       INTEGER NOT NULL,
            month         INTEGER NOT NULL,
            seq           INTEGER NOT NULL,
            policy        TEXT NOT NULL,
            type          TEXT NOT NULL,
            spent         REAL,
            spent_to_date REAL,
            budget        REAL,
            PRIMARY KEY (run_key, month, seq),
            FOREIGN KEY (run_key, month) REFERENCES run_months (run_key, month) ON DELETE CASCADE
        ) WITHOUT ROWID;
        """;

    private const string V2 = """
        ALTER TABLE runs ADD COLUMN shards INTEGER NOT NULL DEFAULT 16;
        ALTER TABLE runs ADD COLUMN granularity TEXT NOT NULL DEFAULT 'shard';
        """;

    // A run keeps only its last checkpoint, so the manifest's key is the run. Grain states are
    // Orleans grain persistence rows: the etag is checked and replaced in the writing transaction.
    private const string V3 = """
        CREATE TABLE checkpoints (
            run_key     INTEGER PRIMARY KEY REFERENCES runs (run_key) ON DELETE CASCADE,
            next_step   INTEGER NOT NULL,
            shards      INTEGER NOT NULL,
            world_hash  TEXT NOT NULL,
            run_state   BLOB NOT NULL,
            at          TEXT NOT NULL
        );

        CREATE TABLE grain_states (
            state_name TEXT NOT NULL,
            grain_id   TEXT NOT NULL,
            data       BLOB NOT NULL,
            etag       TEXT NOT NULL,
            PRIMARY KEY (state_name, grain_id)
        ) WITHOUT ROWID;
        """;

    private const string V4 = """
        CREATE TABLE run_recoveries (
            run_key      INTEGER NOT NULL REFERENCES runs (run_key) ON DELETE CASCADE,
            seq          INTEGER NOT NULL,
            at           TEXT NOT NULL,
            lost_silos   TEXT NOT NULL,
            failed_step  INTEGER NOT NULL,
            restart_step INTEGER NOT NULL,
            seconds      REAL NOT NULL,
            PRIMARY KEY (run_key, seq)
        ) WITHOUT ROWID;

        """;

    private const string V5 = """
        CREATE TABLE run_labels (
            run_key INTEGER PRIMARY KEY REFERENCES runs (run_key) ON DELETE CASCADE,
            label   TEXT NOT NULL
        );
        """;
}
