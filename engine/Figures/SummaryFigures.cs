using static GbaSim.Engine.Figures.FigureKinds;

namespace GbaSim.Engine.Figures;

/// <summary>A run's headline figures, in the order of the chain they describe: research, its conversion, the market, firms, talent, borders, inputs, then the first year's calibration figures.</summary>
internal static class SummaryFigures
{
    private static Figure F(string name, string label, string @short, string definition, string unit, string scope, string period, string better, string format) =>
        new(name, Summary, label, @short, definition, unit, scope, period, better, format);

    public static IReadOnlyList<Figure> All { get; } =
    [
        F("technologiesStarted", "Technologies started, run total", "started",
            "New basic-research results over the run (results seeded at the start excluded).", "technologies", AllCities, Cumulative, Higher, Count),
        F("conversion.basic-research", "Basic research → breakthrough, run conversion", "research→breakthrough",
            "Technologies that reached breakthrough ÷ technologies that reached basic research, counted over the run.", "share", AllCities, Run, Higher, Percent),
        F("conversion.breakthrough", "Breakthrough → transformation, run conversion", "breakthrough→transformation",
            "Technologies that reached transformation (pilot testing) ÷ technologies that reached breakthrough, over the run.", "share", AllCities, Run, Higher, Percent),
        F("conversion.transformation", "Transformation → financing, run conversion", "transformation→financing",
            "Technologies that reached financing ÷ technologies that reached transformation, over the run.", "share", AllCities, Run, Higher, Percent),
        F("conversion.financing", "Financing → market, run conversion", "financing→market",
            "Technologies that reached the market ÷ technologies that reached financing, over the run.", "share", AllCities, Run, Higher, Percent),
        F("technologiesCommercialized", "Technologies commercialised, run total", "commercialised",
            "Technologies that reached the market (a product launched) over the run.", "technologies", AllCities, Cumulative, Higher, Count),
        F("medianMonthsToMarket", "Median months to market, over the run", "months to market",
            "Median over launches of the months from a technology's discovery to its launch; 0 if nothing launched.", "months", AllCities, Run, Lower, Months),
        F("technologyTransactionValue", "Technology transaction value, run total", "transactions",
            "Licence prices matched by technology-transfer centres over the run.", "yuan", AllCities, Cumulative, Higher, Yuan),
        F("inventionPatents", "Invention patents, run total", "invention patents",
            "Invention patents granted over the run to firms and research institutions.", "patents", AllCities, Cumulative, Higher, Count),
        F("patentsGranted", "Patents granted, run total", "patents",
            "Invention patents plus other patents (utility models and designs) granted over the run.", "patents", AllCities, Cumulative, Higher, Count),
        F("newHighTechEnterprises", "New high-tech enterprises, run total", "new high-tech",
            "Firms that qualified as high-tech enterprises during the run.", "firms", AllCities, Cumulative, Higher, Count),
        F("highTechEnterprises", "High-tech enterprises at the end of the run", "high-tech",
            "Firms holding high-tech enterprise status in the run's last month (in practice only mainland firms qualify).", "firms", AllCities, Final, Higher, Count),
        F("firms", "Firms at the end of the run", "firms",
            "Firms that reported and had not closed in the run's last month.", "firms", AllCities, Final, Higher, Count),
        F("talentEmployed", "R&D staff of firms at the end of the run", "R&D staff",
            "Research and development staff employed by firms in the run's last month.", "people", AllCities, Final, Higher, Count),
        F("crossBorderShare.talent", "Cross-border share of talent moves, over the run", "cross-border talent",
            "Of all migrants leaving one city for another over the run, the share moving between territories (mainland, Hong Kong, Macao).", "share", AllCities, Run, Higher, Percent),
        F("crossBorderShare.capital", "Cross-border share of capital, over the run", "cross-border capital",
            "Of all capital flowing between two cities over the run (before losses), the share crossing between territories.", "share", AllCities, Run, Higher, Percent),
        F("crossBorderShare.technology", "Cross-border share of technology transfers, over the run", "cross-border technology",
            "Of all technology offers and licences between two cities over the run, the share crossing between territories.", "share", AllCities, Run, Higher, Percent),
        F("facilityProjects", "Facility user projects, run total", "facility projects",
            "User projects granted by big science facilities over the run.", "projects", AllCities, Cumulative, Higher, Count),
        F("policySpending", "Policy spending, run total", "policy spending",
            "All policies' spending over the run: payments made plus the evenly booked budgets of rule-changing policies. Set by the scenario, so an input, not an outcome.", "yuan", AllCities, Cumulative, Neutral, Yuan),
        F("year1.highTechEnterprises", "Year 1: high-tech enterprises in month 12", "year-1 high-tech",
            "High-tech enterprises in the nine Guangdong cities in the first year's last month (calibrated against 2021's published count).", "firms", Guangdong, Yearly, Higher, Count),
        F("year1.patentsGranted", "Year 1: patents granted", "year-1 patents",
            "Invention plus other patents granted in the nine Guangdong cities over the first twelve months.", "patents", Guangdong, Yearly, Higher, Count),
        F("year1.inventionPatents", "Year 1: invention patents", "year-1 invention patents",
            "Invention patents granted in the nine Guangdong cities over the first twelve months (firms and institutions).", "patents", Guangdong, Yearly, Higher, Count),
        F("year1.facilityProjectsHkMacaoShare", "Year 1: facility projects for Hong Kong and Macao", "year-1 HK/Macao projects",
            "Over the first twelve months, facility user projects granted to Hong Kong and Macao applicants ÷ all projects granted.", "share", AllCities, Yearly, Higher, Percent),
    ];
}
