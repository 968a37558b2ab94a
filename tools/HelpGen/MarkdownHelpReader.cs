using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace ModelLifecycle.HelpGen
{
    /// <summary>
    /// Reads a cmdlet page in the platyPS layout: front matter, "# Name", then "## SYNOPSIS",
    /// "## SYNTAX" (### set, fenced syntax line), "## DESCRIPTION", "## EXAMPLES" (### title, fenced
    /// code, remarks), "## PARAMETERS" (### -Name, text, fenced yaml block), "## INPUTS", "## OUTPUTS",
    /// "## NOTES", "## RELATED LINKS".
    /// </summary>
    public static class MarkdownHelpReader
    {
        private static readonly Regex Link = new Regex(@"^\[(?<text>[^\]]+)\]\((?<uri>[^)]*)\)\s*$");

        public static CommandHelp Read(string path)
        {
            var lines = File.ReadAllLines(path).ToList();
            var i = 0;
            if (lines.Count > 0 && lines[0].Trim() == "---")
            {
                i = lines.FindIndex(1, l => l.Trim() == "---") + 1;
            }

            var help = new CommandHelp();
            var sections = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            List<string>? current = null;
            for (; i < lines.Count; i++)
            {
                var line = lines[i];
                if (line.StartsWith("# ", StringComparison.Ordinal) && help.Name.Length == 0)
                {
                    help.Name = line.Substring(2).Trim();
                }
                else if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    current = new List<string>();
                    sections[line.Substring(3).Trim()] = current;
                }
                else
                {
                    current?.Add(line);
                }
            }

            if (help.Name.Length == 0)
            {
                throw new InvalidDataException(path + ": no '# <Cmdlet-Name>' heading.");
            }

            help.Synopsis = Text(Section(sections, "SYNOPSIS", path));
            help.Description = Text(Section(sections, "DESCRIPTION", path));
            foreach (var (title, body) in Subsections(Section(sections, "SYNTAX", path)))
            {
                help.Syntax.Add(new KeyValuePair<string, string>(title.Replace("(Default)", string.Empty).Trim(), Fenced(body).Code.Trim()));
            }

            foreach (var (title, body) in Subsections(Section(sections, "EXAMPLES", path)))
            {
                var fenced = Fenced(body);
                help.Examples.Add(new ExampleHelp { Title = title, Code = fenced.Code.TrimEnd(), Remarks = Text(fenced.After) });
            }

            foreach (var (title, body) in Subsections(Section(sections, "PARAMETERS", path)))
            {
                if (title == "CommonParameters")
                {
                    continue;
                }

                help.Parameters.Add(ReadParameter(title, body, path));
            }

            help.Inputs.AddRange(TypeSections(sections, "INPUTS"));
            help.Outputs.AddRange(TypeSections(sections, "OUTPUTS"));
            help.Notes = sections.TryGetValue("NOTES", out var notes) ? Text(notes) : string.Empty;
            if (sections.TryGetValue("RELATED LINKS", out var links))
            {
                foreach (var l in links)
                {
                    var m = Link.Match(l.Trim());
                    if (m.Success)
                    {
                        help.Links.Add(new KeyValuePair<string, string>(m.Groups["text"].Value, m.Groups["uri"].Value));
                    }
                }
            }

            return help;
        }

        private static ParameterHelp ReadParameter(string title, List<string> body, string path)
        {
            var p = new ParameterHelp { Name = title.TrimStart('-').Trim() };
            var fenced = Fenced(body);
            p.Description = Text(fenced.Before);
            foreach (var line in fenced.Code.Split('\n'))
            {
                var colon = line.IndexOf(':');
                if (colon < 0)
                {
                    continue;
                }

                var key = line.Substring(0, colon).Trim();
                var value = line.Substring(colon + 1).Trim();
                switch (key)
                {
                    case "Type": p.Type = value; break;
                    case "Parameter Sets": p.ParameterSets.AddRange(value.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0)); break;
                    case "Aliases": p.Aliases = value; break;
                    case "Accepted values": p.AcceptedValues.AddRange(value.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0)); break;
                    case "Required": p.Required = value.StartsWith("True", StringComparison.OrdinalIgnoreCase); break;
                    case "Position": p.Position = value; break;
                    case "Default value": p.DefaultValue = value; break;
                    case "Accept pipeline input": p.PipelineInput = value; break;
                    case "Accept wildcard characters": p.Wildcards = value.StartsWith("True", StringComparison.OrdinalIgnoreCase); break;
                }
            }

            if (p.Description.Length == 0)
            {
                throw new InvalidDataException($"{path}: parameter -{p.Name} has no description.");
            }

            return p;
        }

        private static IEnumerable<KeyValuePair<string, string>> TypeSections(Dictionary<string, List<string>> sections, string name)
        {
            if (!sections.TryGetValue(name, out var body))
            {
                yield break;
            }

            foreach (var (title, text) in Subsections(body))
            {
                yield return new KeyValuePair<string, string>(title, Text(text));
            }
        }

        private static List<string> Section(Dictionary<string, List<string>> sections, string name, string path) =>
            sections.TryGetValue(name, out var s) ? s : throw new InvalidDataException($"{path}: no '## {name}' section.");

        private static IEnumerable<(string Title, List<string> Body)> Subsections(List<string> lines)
        {
            string? title = null;
            var body = new List<string>();
            var inFence = false;
            foreach (var line in lines)
            {
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                }

                if (!inFence && line.StartsWith("### ", StringComparison.Ordinal))
                {
                    if (title is not null)
                    {
                        yield return (title, body);
                    }

                    title = line.Substring(4).Trim();
                    body = new List<string>();
                }
                else if (title is not null)
                {
                    body.Add(line);
                }
            }

            if (title is not null)
            {
                yield return (title, body);
            }
        }

        private static (List<string> Before, string Code, List<string> After) Fenced(List<string> body)
        {
            var start = body.FindIndex(l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
            if (start < 0)
            {
                return (body, string.Empty, new List<string>());
            }

            var end = body.FindIndex(start + 1, l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
            if (end < 0)
            {
                end = body.Count;
            }

            var code = string.Join("\n", body.Skip(start + 1).Take(end - start - 1));
            return (body.Take(start).ToList(), code, body.Skip(end + 1).ToList());
        }

        /// <summary>Paragraphs of prose: blank lines separate paragraphs; fenced blocks are kept as they are.</summary>
        internal static string Text(IEnumerable<string> lines)
        {
            var sb = new StringBuilder();
            var paragraph = new List<string>();
            var inFence = false;
            void Flush()
            {
                if (paragraph.Count > 0)
                {
                    if (sb.Length > 0) sb.Append("\n\n");
                    sb.Append(string.Join(" ", paragraph.Select(p => p.Trim())));
                    paragraph.Clear();
                }
            }

            foreach (var raw in lines)
            {
                if (raw.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    Flush();
                    inFence = !inFence;
                    continue;
                }

                if (inFence)
                {
                    if (sb.Length > 0 && !sb.ToString().EndsWith("\n", StringComparison.Ordinal)) sb.Append("\n\n");
                    sb.Append(raw).Append('\n');
                    continue;
                }

                if (raw.Trim().Length == 0)
                {
                    Flush();
                }
                else if (raw.TrimStart().StartsWith("- ", StringComparison.Ordinal))
                {
                    Flush();
                    paragraph.Add(raw.Trim());
                }
                else
                {
                    paragraph.Add(raw);
                }
            }

            Flush();
            return sb.ToString().Trim();
        }
    }
}
