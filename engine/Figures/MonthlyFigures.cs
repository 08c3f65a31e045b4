using static GbaSim.Engine.Figures.FigureKinds;

namespace GbaSim.Engine.Figures;

/// <summary>A city's (or the region's) figures for one month, in the order of firms, research, the market for technology and talent.</summary>
internal static class MonthlyFigures
{
    private static Figure Stock(string name, string label, string @short, string definition, string unit, string better = Higher) =>
        new(name, Monthly, $"{label}, in the month", @short, definition, unit, EachCity, FigureKinds.Monthly, better, Count, Last);

    private static Figure Flow(string name, string label, string @short, string definition, string unit, string better = Higher, string format = Count) =>
        new(name, Monthly, $"{label} per month", @short, definition, unit, EachCity, FigureKinds.Monthly, better, format, Sum);

    public static IReadOnlyList<Figure> All { get; } =
    [
        Stock("firms", "Firms", "firms", "Firms that reported and did not close that month.", "firms"),
        Stock("highTechEnterprises", "High-tech enterprises", "high-tech", "Of the month's firms, those holding high-tech enterprise status.", "firms"),
        Flow("newHighTechEnterprises", "New high-tech enterprises", "new high-tech", "Firms that qualified as high-tech enterprises that month.", "firms"),
        Stock("startUps", "Start-ups", "start-ups", "Firms in the start-up stage.", "firms"),
        Stock("incubated", "Incubated firms", "incubated", "Firms in an incubator stay.", "firms"),
        Flow("births", "Firms founded", "births", "Firms founded that month, by entrepreneurs and as spin-offs.", "firms"),
        Flow("firmsCreated", "Start-ups created", "created", "Start-ups created by entrepreneurs that month (spin-offs excluded).", "firms"),
        Flow("closures", "Firm closures", "closures", "Firms that closed that month.", "firms", Lower),
        Stock("products", "Products on sale", "products", "Products on sale.", "products"),
        Flow("revenue", "Firms' revenue", "revenue", "Firms' revenue that month.", "yuan", format: Yuan),
        Flow("inventionPatents", "Invention patents", "invention patents", "Invention patents granted that month to firms and research institutions.", "patents"),
        Flow("otherPatents", "Other patents", "other patents", "Utility-model and design patents granted to firms that month.", "patents"),
        Stock("researchers", "Researchers", "researchers", "Research institutions' researchers, grant-funded ones included.", "people"),
        Flow("researchResults", "Basic-research results", "results", "New basic-research results that month.", "results"),
        Flow("facilityProjects", "Facility user projects", "facility projects", "User projects granted by the city's big science facilities that month.", "projects"),
        Flow("facilityProjectsHkMacao", "Facility projects for Hong Kong and Macao", "HK/Macao projects", "Of the facility projects, those granted to Hong Kong and Macao applicants (counted at the facility's city).", "projects"),
        Flow("transactionValue", "Technology transaction value", "transactions", "Licence prices matched by the city's technology-transfer centres that month.", "yuan", format: Yuan),
        Stock("talentEmployed", "R&D staff of firms", "R&D staff", "Research and development staff employed by firms.", "people"),
        Flow("graduates", "Graduates", "graduates", "Graduates released into the talent pool that month.", "people"),
        Stock("talentPool", "Talent pool", "pool", "People in the city's talent pool after its turn, migrants in transit excluded.", "people"),
        Flow("hires", "Hires", "hires", "People hired in the city's talent market that month.", "people"),
        Flow("unmetDemand", "Unmet hiring requests", "unmet", "Hiring requests the city's talent market left unmet that month.", "requests", Lower),
        Flow("migrantsIn", "Migrants arriving", "arriving", "Migrants arriving from other cities (counted on arrival).", "people"),
        Flow("migrantsOut", "Migrants leaving", "leaving", "Migrants leaving for other cities.", "people", Neutral),
        Flow("migrantsLost", "Migrants lost on the way", "lost", "Of the migrants leaving, those lost on the way.", "people", Lower),
    ];
}
