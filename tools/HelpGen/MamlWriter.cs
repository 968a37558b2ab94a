using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace ModelLifecycle.HelpGen
{
    /// <summary>Writes MAML, the XML help format Get-Help reads for binary cmdlets.</summary>
    public static class MamlWriter
    {
        private static readonly XNamespace Msh = "http://msh";
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        public static XDocument Write(IEnumerable<CommandHelp> commands) =>
            new XDocument(
                new XDeclaration("1.0", "utf-8", null),
                new XElement(Msh + "helpItems",
                    new XAttribute("schema", "maml"),
                    new XAttribute(XNamespace.Xmlns + "maml", Maml),
                    new XAttribute(XNamespace.Xmlns + "command", Command),
                    new XAttribute(XNamespace.Xmlns + "dev", Dev),
                    commands.Select(CommandElement)));

        private static XElement CommandElement(CommandHelp c)
        {
            var dash = c.Name.IndexOf('-');
            return new XElement(Command + "command",
                new XElement(Command + "details",
                    new XElement(Command + "name", c.Name),
                    new XElement(Command + "verb", c.Name.Substring(0, dash)),
                    new XElement(Command + "noun", c.Name.Substring(dash + 1)),
                    new XElement(Maml + "description", Paras(c.Synopsis))),
                new XElement(Maml + "description", Paras(c.Description)),
                new XElement(Command + "syntax", SyntaxItems(c)),
                new XElement(Command + "parameters", c.Parameters.Select(ParameterElement)),
                new XElement(Command + "inputTypes", c.Inputs.Select(t => TypeElement(Command + "inputType", t))),
                new XElement(Command + "returnValues", c.Outputs.Select(t => TypeElement(Command + "returnValue", t))),
                new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paras(c.Notes))),
                new XElement(Command + "examples", c.Examples.Select((e, i) => new XElement(Command + "example",
                    new XElement(Maml + "title", $"-------------------------- {e.Title} --------------------------"),
                    new XElement(Dev + "code", e.Code),
                    new XElement(Dev + "remarks", Paras(e.Remarks))))),
                new XElement(Maml + "relatedLinks", c.Links.Select(l => new XElement(Maml + "navigationLink",
                    new XElement(Maml + "linkText", l.Key),
                    new XElement(Maml + "uri", l.Value)))));
        }

        private static IEnumerable<XElement> SyntaxItems(CommandHelp c)
        {
            foreach (var set in c.Syntax)
            {
                var members = c.Parameters.Where(p => p.ParameterSets.Count == 0 || p.ParameterSets.Contains("(All)") || p.ParameterSets.Contains(set.Key));
                yield return new XElement(Command + "syntaxItem",
                    new XElement(Maml + "name", c.Name),
                    members.Select(ParameterElement));
            }
        }

        private static XElement ParameterElement(ParameterHelp p)
        {
            var position = p.Position;
            var type = p.Type.Replace("[]", string.Empty);
            return new XElement(Command + "parameter",
                new XAttribute("required", p.Required ? "true" : "false"),
                new XAttribute("variableLength", p.Type.EndsWith("[]", System.StringComparison.Ordinal) ? "true" : "false"),
                new XAttribute("globbing", p.Wildcards ? "true" : "false"),
                new XAttribute("pipelineInput", p.PipelineInput),
                new XAttribute("position", position.ToLowerInvariant() == "named" ? "named" : position),
                new XAttribute("aliases", string.IsNullOrWhiteSpace(p.Aliases) ? "none" : p.Aliases),
                new XElement(Maml + "name", p.Name),
                new XElement(Maml + "description", Paras(p.Description)),
                p.AcceptedValues.Count > 0
                    ? new XElement(Command + "parameterValueGroup", p.AcceptedValues.Select(v => new XElement(Command + "parameterValue", new XAttribute("required", "false"), new XAttribute("variableLength", "false"), v)))
                    : null,
                type == "SwitchParameter" ? null : new XElement(Command + "parameterValue", new XAttribute("required", "true"), new XAttribute("variableLength", "false"), p.Type),
                new XElement(Dev + "type", new XElement(Maml + "name", p.Type)),
                new XElement(Dev + "defaultValue", p.DefaultValue));
        }

        private static XElement TypeElement(XName name, KeyValuePair<string, string> t) =>
            new XElement(name,
                new XElement(Dev + "type", new XElement(Maml + "name", t.Key)),
                new XElement(Maml + "description", Paras(t.Value)));

        private static IEnumerable<XElement> Paras(string text) =>
            text.Split(new[] { "\n\n" }, System.StringSplitOptions.None).Where(p => p.Trim().Length > 0).Select(p => new XElement(Maml + "para", p));
    }
}
