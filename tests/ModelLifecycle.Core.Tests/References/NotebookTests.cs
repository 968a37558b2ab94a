using System.Collections.Generic;
using System.Linq;
using ModelLifecycle.Core.References;
using Xunit;

namespace ModelLifecycle.Core.Tests.References
{
    /// <summary>Notebooks are searched in their cell sources, with cell numbers, and not in their outputs.</summary>
    public class NotebookTests
    {
        // As Jupyter writes it: indented JSON, sources as arrays of lines, escapes, outputs with an image.
        private const string Notebook = @"{
 ""cells"": [
  {
   ""cell_type"": ""markdown"",
   ""metadata"": {},
   ""source"": [
    ""# Moving off gpt-4o\n"",
    ""We also call \""o1\"" here, caf\u00e9 style.""
   ]
  },
  {
   ""cell_type"": ""code"",
   ""execution_count"": 3,
   ""metadata"": { ""note"": ""gpt-4o in metadata is not code"" },
   ""outputs"": [
    {
     ""data"": {
      ""image/png"": ""iVBORw0KGgoAAAANSUhEUgAAAoAAAAHgCAYAAAA10dzkAAAAOXRFWHRTb2Z0d2FyZQBNYXRwbG90bGliIHZlcnNpb24zLjcuMSwg+o1/ gpt-4o"",
      ""text/plain"": [ ""model: gpt-4o\n"" ]
     },
     ""output_type"": ""display_data""
    }
   ],
   ""source"": [
    ""import openai\n"",
    ""\tresp = client.chat.completions.create(model=\""gpt-4o-2024-08-06\"")\n"",
    ""print(resp)""
   ]
  },
  { ""cell_type"": ""raw"", ""metadata"": {}, ""source"": ""o1"" }
 ],
 ""metadata"": { ""kernelspec"": { ""name"": ""python3"" } },
 ""nbformat"": 4,
 ""nbformat_minor"": 5
}
";

        private static List<ReferenceMatch> Find(TempTree tree) =>
            Scan.Run(tree.Root, new[]
            {
                new ReferencePattern("gpt-4o", "gpt-4o", PatternKind.ModelId, PatternRules.DatedVersions),
                new ReferencePattern("o1", "o1", PatternKind.ModelId, PatternRules.DatedVersions),
            });

        [Fact]
        public void Cell_sources_are_searched_with_the_cell_number_and_the_line_within_it()
        {
            using var tree = new TempTree();
            tree.Write("demo.ipynb", Notebook);

            List<ReferenceMatch> found = Find(tree);

            Assert.Equal(
                new[] { "1:1:14:gpt-4o", "1:2:15:o1", "2:2:47:gpt-4o-2024-08-06", "3:1:1:o1" },
                found.Select(m => $"{m.Cell}:{m.LineNumber}:{m.Column}:{m.Match}"));
            Assert.Equal("We also call \"o1\" here, café style.", found[1].Line);
            Assert.Equal("\tresp = client.chat.completions.create(model=\"gpt-4o-2024-08-06\")", found[2].Line);
            Assert.EndsWith("demo.ipynb (cell 2):2:47: gpt-4o-2024-08-06", found[2].ToString());
        }

        [Fact]
        public void A_file_named_ipynb_that_is_not_a_notebook_is_searched_as_text()
        {
            using var tree = new TempTree();
            tree.Write("broken.ipynb", "{ \"cells\": [ { \"source\": \"gpt-4o\" \n gpt-4o\n");
            var sink = new RecordingSink();

            List<ReferenceMatch> found = Scan.Run(tree.Root, new[] { Scan.Model("gpt-4o") }, sink: sink);

            Assert.Equal(new[] { "broken.ipynb:1:27:gpt-4o", "broken.ipynb:2:2:gpt-4o" }, found.Describe(tree.Root));
            Assert.All(found, m => Assert.Null(m.Cell));
            Assert.Contains(sink.Verbose, v => v.Contains("broken.ipynb' is not a notebook"));
        }
    }
}
