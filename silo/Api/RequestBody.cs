using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GbaSim.Silo.Api;

/// <summary>
/// Reads a request body as text, refusing a content type it does not take (415) and a body over
/// the limit (413) without reading more than the limit; a body that arrives too slowly ends in
/// Kestrel's 408 (see <see cref="BadBodyHandler"/>).
/// </summary>
public static class RequestBody
{
    public static async Task<(string? Text, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, int limit, IReadOnlyCollection<string> mediaTypes, string expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is null || !mediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return (null, Problems.UnsupportedMediaType(request.ContentType, expected));
        }
        if (request.ContentLength > limit)
        {
            return (null, Problems.TooLarge(limit));
        }
        var buffer = new byte[Math.Min(limit + 1, Math.Max(1, (int?)request.ContentLength + 1 ?? 64 * 1024))];
        var read = 0;
        while (true)
        {
            if (read == buffer.Length)
            {
                if (buffer.Length > limit)
                {
                    return (null, Problems.TooLarge(limit));
                }
                Array.Resize(ref buffer, (int)Math.Min(limit + 1L, buffer.Length * 2L));
            }
            var n = await request.Body.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }
            read += n;
        }
        return (Encoding.UTF8.GetString(buffer, 0, read), null);
    }
}
