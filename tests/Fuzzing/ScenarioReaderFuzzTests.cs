using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace GbaSim.Tests.Fuzzing;

/// <summary>
/// The scenario reader, fed mutated real scenario files, random documents of its own keys and
/// arbitrary text: it accepts or refuses each with located errors, in bounded time and memory,
/// and never lets another exception out (see <see cref="FuzzHarness"/>). The counts are printed.
/// </summary>
public sealed class ScenarioReaderFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Mutated_scenario_files_are_accepted_or_refused_with_located_errors()
    {
        var harness = new FuzzHarness("mutated scenario files", output);
        var cases =
            from document in Gen.Elements(FuzzDocuments.Scenarios.ToArray())
            from text in YamlMutations.Of(document.Text)
            select new FuzzDocuments.Document(document.Path, text);

        Check.One(FuzzConfig.Cases(2000), Prop.ForAll(Arb.From(cases), c => harness.Case(c.Text, t => FuzzDocuments.ReadScenario(c.Path, t))));

        harness.Report();
    }

    [Fact]
    public void Random_scenario_documents_are_accepted_or_refused_with_located_errors()
    {
        var harness = new FuzzHarness("random scenario documents", output);
        var inline = Scenarios.Fixtures.Inline;

        Check.One(FuzzConfig.Cases(1500), Prop.ForAll(Arb.From(RandomYaml.Scenario), text => harness.Case(text, t => FuzzDocuments.ReadScenario(inline, t))));

        harness.Report();
    }

    [Fact]
    public void Arbitrary_text_as_a_scenario_is_refused_with_located_errors()
    {
        var harness = new FuzzHarness("arbitrary text as a scenario", output);
        var inline = Scenarios.Fixtures.Inline;

        Check.One(FuzzConfig.Cases(1000), Prop.ForAll(Arb.From(ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")), text => harness.Case(text, t => FuzzDocuments.ReadScenario(inline, t))));

        harness.Report();
    }
}
