using System.Diagnostics;
using System.Globalization;
using GbaSim.Silo.Storage;
using GbaSim.Tests.Silo;
using Npgsql;

namespace GbaSim.Tests.Storage;

/// <summary>
/// A real PostgreSQL server for the tests: a fresh cluster in a temporary folder (initdb), listening
/// on a free loopback port with password authentication, stopped by its process id and deleted on
/// dispose. PostgreSQL refuses to run as root, so under root it runs as the <c>postgres</c> user.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string User = "gbasim";

    public const string Password = "gbasim-test-password";

    private string _folder = "";
    private int _pid;

    public int Port { get; private set; }

    /// <summary>The URL of a new, empty database on the server, as <c>silo --store</c> takes it (the password in it).</summary>
    public string NewDatabase()
    {
        var name = "gbasim_" + Guid.NewGuid().ToString("N")[..12];
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        command.ExecuteNonQuery();
        return Url(name, Password);
    }

    public string Url(string database, string? password) =>
        string.Create(CultureInfo.InvariantCulture, $"postgresql://{User}{(password is null ? "" : ":" + password)}@127.0.0.1:{Port}/{database}");

    public static StoreAddress Address(string url) =>
        StoreAddress.TryParse(url, out var address, out var problem) ? address! : throw new ArgumentException(problem);

    public async Task InitializeAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "postgres")))
            ?? throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/postgres): run .ci/install.");
        _folder = Directory.CreateTempSubdirectory("gbasim-postgres-").FullName;
        var data = Path.Combine(_folder, "data");
        var passwordFile = Path.Combine(_folder, "password");
        await File.WriteAllTextAsync(passwordFile, Password);
        if (Environment.UserName == "root")
        {
            await Run("chown", "-R", "postgres", _folder);
        }
        await Run(Path.Combine(bin, "initdb"), "-D", data, "-U", User, "--pwfile", passwordFile, "--auth-host=scram-sha-256", "--auth-local=trust", "--no-sync");
        Port = SiloProcess.FreePort();
        using var server = Start(Path.Combine(bin, "postgres"), "-D", data, "-p", Port.ToString(CultureInfo.InvariantCulture), "-k", _folder, "-h", "127.0.0.1", "-c", "fsync=off");
        await WaitUntilReady(data, server);
    }

    public async Task DisposeAsync()
    {
        if (_pid > 0)
        {
            // SIGINT: PostgreSQL's fast shutdown (ends its connections, stops its workers).
            await Run("kill", "-INT", _pid.ToString(CultureInfo.InvariantCulture));
            try
            {
                using var postmaster = Process.GetProcessById(_pid);
                if (!postmaster.WaitForExit(TimeSpan.FromSeconds(20)))
                {
                    postmaster.Kill();
                }
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = User, Password = Password, Database = database, Pooling = false }.ConnectionString;

    /// <summary>Waits for the server to take connections, and learns the postmaster's process id from its pid file.</summary>
    private async Task WaitUntilReady(string data, Process server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
                await connection.OpenAsync();
                _pid = int.Parse((await File.ReadAllLinesAsync(Path.Combine(data, "postmaster.pid")))[0], CultureInfo.InvariantCulture);
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException && DateTime.UtcNow < deadline && !server.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Starts a PostgreSQL program, as the postgres user when the tests run as root.</summary>
    private static Process Start(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.UserName == "root" ? "runuser" : program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (Environment.UserName == "root")
        {
            foreach (var argument in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(argument);
            }
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task Run(string program, params string[] arguments)
    {
        using var process = program is "chown" or "kill" ? Process.Start(new ProcessStartInfo(program, arguments) { UseShellExecute = false, RedirectStandardError = true })! : Start(program, arguments);
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} ended with exit code {process.ExitCode}.");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "a PostgreSQL server";
}
