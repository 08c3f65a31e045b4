using System.Globalization;
using StackExchange.Redis;

namespace GbaSim.Silo.Hosting;

/// <summary>
/// A Redis server as people name it on the command line: <c>redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]</c>
/// (port 6379 when left out). Silos keep the cluster's membership and checkpoints there; clients find the gateways there.
/// </summary>
public sealed record RedisAddress(string Host, int Port, string? User, string? Password, int Database)
{
    public const int DefaultPort = 6379;

    /// <summary>Reads a <c>redis://</c> URL; the exception's message says what is wrong and how to write it.</summary>
    /// <exception cref="FormatException">The text is not a usable Redis URL.</exception>
    public static RedisAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string Form = "write redis://HOST:PORT, e.g. redis://127.0.0.1:6379";
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != "redis" || uri.Host.Length == 0)
        {
            throw new FormatException($"'{text}' is not a Redis URL; {Form}.");
        }
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new FormatException($"'{text}' has a query or fragment, which GbaSim does not read; {Form}.");
        }
        var path = uri.AbsolutePath.Trim('/');
        var database = 0;
        if (path.Length > 0 && (!int.TryParse(path, NumberStyles.None, CultureInfo.InvariantCulture, out database) || database > 15))
        {
            throw new FormatException($"'{text}' names database '{path}'; a Redis database is a number from 0 to 15.");
        }
        string? user = null, password = null;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            user = colon < 0 ? null : Uri.UnescapeDataString(uri.UserInfo[..colon]) is { Length: > 0 } u ? u : null;
            password = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[(colon + 1)..]);
        }
        return new RedisAddress(uri.Host.Trim('[', ']'), uri.IsDefaultPort ? DefaultPort : uri.Port, user, password, database);
    }

    /// <summary>How StackExchange.Redis dials it; a connection that drops later is re-dialled in the background.</summary>
    public ConfigurationOptions Configuration()
    {
        var options = new ConfigurationOptions
        {
            User = User,
            Password = Password,
            DefaultDatabase = Database,
            AbortOnConnectFail = false,
        };
        options.EndPoints.Add(Host, Port);
        return options;
    }

    /// <summary>The address without its password, as messages show it.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"redis://{(Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host)}:{Port}{(Database == 0 ? "" : $"/{Database}")}");
}
