using System.Collections.Generic;

namespace ModelLifecycle.HelpGen
{
    /// <summary>One cmdlet's help as read from its markdown page.</summary>
    public sealed class CommandHelp
    {
        public string Name { get; set; } = string.Empty;

        public string Synopsis { get; set; } = string.Empty;

        public string Description { get; set; } = string.Empty;

        public List<ExampleHelp> Examples { get; } = new List<ExampleHelp>();

        public List<ParameterHelp> Parameters { get; } = new List<ParameterHelp>();

        /// <summary>Parameter set name -> syntax line, as the page's SYNTAX section shows it.</summary>
        public List<KeyValuePair<string, string>> Syntax { get; } = new List<KeyValuePair<string, string>>();

        public List<KeyValuePair<string, string>> Inputs { get; } = new List<KeyValuePair<string, string>>();

        public List<KeyValuePair<string, string>> Outputs { get; } = new List<KeyValuePair<string, string>>();

        public string Notes { get; set; } = string.Empty;

        public List<KeyValuePair<string, string>> Links { get; } = new List<KeyValuePair<string, string>>();
    }

    public sealed class ExampleHelp
    {
        public string Title { get; set; } = string.Empty;

        public string Code { get; set; } = string.Empty;

        public string Remarks { get; set; } = string.Empty;
    }

    public sealed class ParameterHelp
    {
        public string Name { get; set; } = string.Empty;

        public string Description { get; set; } = string.Empty;

        public string Type { get; set; } = "Object";

        public List<string> ParameterSets { get; } = new List<string>();

        public string Aliases { get; set; } = string.Empty;

        public bool Required { get; set; }

        public string Position { get; set; } = "Named";

        public string DefaultValue { get; set; } = "None";

        public string PipelineInput { get; set; } = "False";

        public bool Wildcards { get; set; }

        public List<string> AcceptedValues { get; } = new List<string>();
    }
}
