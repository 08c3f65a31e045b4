namespace GbaSim.Client.Reports;

/// <summary>Apache ECharts, embedded in the client at build time from the dashboard's npm install, so reports open offline.</summary>
public static class ChartLibrary
{
    public static string Script()
    {
        using var stream = typeof(ChartLibrary).Assembly.GetManifestResourceStream("echarts.min.js")
            ?? throw new InvalidOperationException("The client was built without Apache ECharts; build the silo first (its build runs 'npm ci' in silo/dashboard).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
