namespace GbaSim.Engine.Figures;

/// <summary>
/// How large amounts of yuan are grouped: millions and billions, or 万 (10⁴) and 亿 (10⁸) for a
/// Chinese locale. The processes run with invariant globalization, so the locale is read from
/// the environment's LC_ALL, LC_NUMERIC or LANG.
/// </summary>
public enum NumberStyle
{
    Western,
    Chinese,
}

/// <summary>Reads the user's number style from the environment.</summary>
public static class NumberStyles
{
    public static NumberStyle FromEnvironment() => FromLocale(
        new[] { "LC_ALL", "LC_NUMERIC", "LANG" }.Select(Environment.GetEnvironmentVariable).FirstOrDefault(v => !string.IsNullOrEmpty(v)));

    /// <summary>A POSIX or BCP 47 locale name such as zh_CN.UTF-8 or zh-Hant-HK.</summary>
    public static NumberStyle FromLocale(string? locale) =>
        locale is not null && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? NumberStyle.Chinese : NumberStyle.Western;
}
