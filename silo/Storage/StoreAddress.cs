using Npgsql;

namespace GbaSim.Silo.Storage;

/// <summary>
/// A shared results store named by a URL, <c>postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE</c>
/// (the password may instead come from <c>PGPASSWORD</c>). Its text form leaves the password out,
/// so it can be printed and logged.
/// </summary>
public sealed class StoreAddress
{
    public const int DefaultPort = 5432;

    /// <summary>Seconds to wait for the server to answer before the silo gives up starting.</summary>
    private const int ConnectSeconds = 10;

    private StoreAddress(string user, string host, int port, string database, string? password)
    {
        User = user;
        Host = host;
        Port = port;
        Database = database;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = host,
            Port = port,
            Username = user,
            Password = password,
            Database = database,
            Timeout = ConnectSeconds,
        }.ConnectionString;
    }

    public string User { get; }

    public string Host { get; }

    public int Port { get; }

    public string Database { get; }

    /// <summary>The Npgsql connection string, with the password.</summary>
    public string ConnectionString { get; }

    /// <summary>Reads a store URL; <paramref name="problem"/> says what is wrong with one that is not.</summary>
    public static bool TryParse(string text, out StoreAddress? address, out string? problem)
    {
        address = null;
        const string Form = "postgresql://USER@HOST:PORT/DATABASE";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgresql" or "postgres"))
        {
            problem = $"Silo:Store must be a URL of the form {Form}; got '{Redacted(text)}'.";
            return false;
        }
        var userInfo = uri.UserInfo.Split(':', 2);
        var user = Uri.UnescapeDataString(userInfo[0]);
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (user.Length == 0 || uri.Host.Length == 0 || database.Length == 0 || database.Contains('/') || uri.Query.Length > 0)
        {
            problem = $"Silo:Store must name a user, a host and a database, as in {Form}; got '{Redacted(text)}'.";
            return false;
        }
        var password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : Environment.GetEnvironmentVariable("PGPASSWORD");
        address = new StoreAddress(user, uri.Host, uri.Port > 0 ? uri.Port : DefaultPort, database, password);
        problem = null;
        return true;
    }

    public override string ToString() => $"postgresql://{User}@{Host}:{Port}/{Database}";

    /// <summary>The URL with any password replaced, for messages.</summary>
    private static string Redacted(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':')
            ? text.Replace(uri.UserInfo, uri.UserInfo.Split(':')[0] + ":***", StringComparison.Ordinal)
            : text;
}
