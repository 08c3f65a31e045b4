using Microsoft.AspNetCore.Http.HttpResults;

namespace GbaSim.Silo.Api;

/// <summary>
/// Reads a scenario sent as a YAML request body. Only <c>application/yaml</c> and
/// <c>application/x-yaml</c> are taken: <c>text/plain</c>, which a page on another site may send
/// without asking first, is refused with 415 like every other type.
/// </summary>
public static class ScenarioBody
{
    private static readonly string[] YamlTypes = ["application/yaml", "application/x-yaml"];

    public static Task<(string? Text, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken) =>
        RequestBody.ReadAsync(request, limit, YamlTypes, "YAML (Content-Type application/yaml or application/x-yaml)", cancellationToken);
}
