using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Xml.Linq;
using ModelLifecycle.Commands;
using ModelLifecycle.HelpGen;
using Xunit;

namespace ModelLifecycle.Tests
{
    /// <summary>docs/en-US is the source of Get-Help; these keep it equal to the cmdlets.</summary>
    public class HelpDocsTests
    {
        private static readonly string Docs = Path.Combine(Repo.Root, "docs", "en-US");

        public static TheoryData<Type> Cmdlets
        {
            get
            {
                var data = new TheoryData<Type>();
                foreach (var t in typeof(ModelLifecycleCmdlet).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(Cmdlet).IsAssignableFrom(t)).OrderBy(t => t.Name))
                {
                    data.Add(t);
                }

                return data;
            }
        }

        private static string Name(Type t) => Meta.CmdletName(t);

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Each_cmdlet_has_a_page_that_documents_exactly_its_parameters(Type cmdlet)
        {
            var page = MarkdownHelpReader.Read(Path.Combine(Docs, Name(cmdlet) + ".md"));
            Assert.Equal(Name(cmdlet), page.Name);
            // ShouldProcess adds -WhatIf and -Confirm, which the page documents as platyPS does.
            var actual = Meta.Parameters(cmdlet).Select(p => p.Property)
                .Concat(Meta.SupportsShouldProcess(cmdlet) ? new[] { "WhatIf", "Confirm" } : Array.Empty<string>())
                .Distinct().OrderBy(n => n);
            Assert.Equal(actual, page.Parameters.Select(p => p.Name).OrderBy(n => n));
            Assert.True(page.Examples.Count >= 2, "at least two examples");
            Assert.All(page.Examples, e => Assert.Contains("PS> ", e.Code));
            Assert.DoesNotContain("placeholder", page.Synopsis + page.Description, StringComparison.OrdinalIgnoreCase);
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Documented_parameter_facts_match_the_attributes(Type cmdlet)
        {
            var page = MarkdownHelpReader.Read(Path.Combine(Docs, Name(cmdlet) + ".md"));
            foreach (var doc in page.Parameters.Where(p => p.Name != "WhatIf" && p.Name != "Confirm"))
            {
                var attributes = Meta.Parameters(cmdlet).Where(p => p.Property == doc.Name).ToList();
                Assert.True(attributes.Any(a => a.Mandatory) == doc.Required, $"-{doc.Name}: Required");
                Assert.True(attributes.Any(a => a.FromPipeline || a.FromPipelineByPropertyName) == doc.PipelineInput.StartsWith("True", StringComparison.Ordinal), $"-{doc.Name}: pipeline input");
                var position = attributes.Select(a => a.Position).FirstOrDefault(p => p >= 0, int.MinValue);
                Assert.Equal(position == int.MinValue ? "Named" : position.ToString(), doc.Position);
                Assert.True(Meta.Has<SupportsWildcardsAttribute>(cmdlet.GetProperty(doc.Name)!) == doc.Wildcards, $"-{doc.Name}: wildcards");
            }
        }

        [Fact]
        public void The_generated_MAML_holds_every_page()
        {
            var pages = Directory.GetFiles(Docs, "*-*.md").Select(MarkdownHelpReader.Read).ToList();
            var maml = MamlWriter.Write(pages);
            XNamespace command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
            var commands = maml.Descendants(command + "command").ToList();
            Assert.Equal(pages.Count, commands.Count);
            Assert.All(commands, c => Assert.True(c.Descendants(command + "example").Count() >= 2));
            Assert.All(commands, c => Assert.NotEmpty(c.Descendants(command + "syntaxItem")));
        }

        [Fact]
        public void A_parameter_without_description_is_refused()
        {
            var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + "-Get-Thing.md");
            File.WriteAllText(file, "# Get-Thing\n\n## SYNOPSIS\nx\n\n## SYNTAX\n\n### A\n```\nGet-Thing\n```\n\n## DESCRIPTION\nx\n\n## EXAMPLES\n\n## PARAMETERS\n\n### -Bare\n\n```yaml\nType: String\n```\n");
            try
            {
                Assert.Contains("-Bare has no description", Assert.Throws<InvalidDataException>(() => MarkdownHelpReader.Read(file)).Message);
            }
            finally
            {
                File.Delete(file);
            }
        }
    }
}
