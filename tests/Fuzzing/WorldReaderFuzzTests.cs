using FsCheck;
using FsCheck.Fluent;
using GbaSim.Engine.Worlds;
using Xunit.Abstractions;

namespace GbaSim.Tests.Fuzzing;

/// <summary>
/// The world reader, fed mutated real world files, random documents of its own keys and
/// arbitrary text, under the same rules as the scenario reader (see <see cref="FuzzHarness"/>).
/// </summary>
public sealed class WorldReaderFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Mutated_world_files_are_accepted_or_refused_with_located_errors()
    {
        var harness = new FuzzHarness("mutated world files", output);
        var cases =
            from document in Gen.Elements(FuzzDocuments.Worlds.ToArray())
            from text in YamlMutations.Of(document.Text)
            select new FuzzDocuments.Document(document.Path, text);

        Check.One(FuzzConfig.Cases(1000), Prop.ForAll(Arb.From(cases), c => harness.Case(c.Text, t => WorldLoader.Parse(t, c.Path))));

        harness.Report();
    }

    [Fact]
    public void Random_world_documents_are_accepted_or_refused_with_located_errors()
    {
        var harness = new FuzzHarness("random world documents", output);

        Check.One(FuzzConfig.Cases(1000), Prop.ForAll(Arb.From(RandomYaml.World), text => harness.Case(text, t => WorldLoader.Parse(t, "world.yaml"))));

        harness.Report();
    }

    [Fact]
    public void Arbitrary_text_as_a_world_is_refused_with_located_errors()
    {
        var harness = new FuzzHarness("arbitrary text as a world", output);

        Check.One(FuzzConfig.Cases(1000), Prop.ForAll(Arb.From(ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")), text => harness.Case(text, t => WorldLoader.Parse(t, "world.yaml"))));

        harness.Report();
    }
}
