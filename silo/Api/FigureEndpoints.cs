using GbaSim.Engine.Figures;

namespace GbaSim.Silo.Api;

/// <summary><c>GET /api/figures</c>: the figure catalogue, so the dashboard and other clients name, define and format figures as the CLI does.</summary>
public static class FigureEndpoints
{
    public static void MapFigureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/figures", () => TypedResults.Ok(FigureCatalogue.All)).WithTags("Figures")
            .WithSummary("Every figure of run summaries, months and comparisons: name, kind, label, definition, unit, scope, period, better (higher, lower, neutral) and format, in the order of meaning.");
        // The formatter's rules as an ES module, so the dashboard writes numbers as the CLI and the report do.
        app.MapGet("/api/figures/format.js", () => TypedResults.Text(FigureScript.Source + "\nexport { formatFigure };\n", "text/javascript")).ExcludeFromDescription();
    }
}
