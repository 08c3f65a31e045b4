using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GbaSim.Silo.Api;

/// <summary>Reads a scenario sent as a YAML request body, refusing other content types and bodies over the limit.</summary>
public static class ScenarioBody
{
    private static readonly string[] YamlTypes = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain"];

    public static async Task<(string? Text, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is null || !YamlTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return (null, Problems.UnsupportedMediaType(request.ContentType));
        }
        if (request.ContentLength > limit)
        {
            return (null, Problems.TooLarge(limit));
        }
        var buffer = new byte[limit + 1];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await request.Body.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }
            read += n;
        }
        if (read > limit)
        {
            return (null, Problems.TooLarge(limit));
        }
        return (Encoding.UTF8.GetString(buffer, 0, read), null);
    }
}
