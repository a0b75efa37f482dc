using System.Text.RegularExpressions;
using Carbon.Compiler.Catalogue;

namespace Carbon.Compiler.Tests;

/// <summary>grammar.md lists the catalogue; this keeps the list and the catalogue in step.</summary>
public sealed class CatalogueDocumentationTests
{
    [Fact]
    public void Every_catalogue_entry_is_listed_in_grammar_md()
    {
        string doc = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "grammar.md"));
        var listed = Regex.Matches(doc, "`([a-z0-9_]+)`").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        var names = StandardCatalogue.Hardware.Select(h => h.Name)
            .Concat(StandardCatalogue.Sites.Select(s => s.Name))
            .Concat(StandardCatalogue.Constants.Select(c => c.Key[(c.Key.IndexOf('.', StringComparison.Ordinal) + 1)..]));

        var missing = names.Where(n => !listed.Contains(n)).ToList();
        Assert.True(missing.Count == 0, "not in grammar.md: " + string.Join(", ", missing));
    }
}
