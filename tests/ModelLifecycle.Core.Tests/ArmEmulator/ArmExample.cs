using System.IO;
using ModelLifecycle.ArmEmulator;
using ModelLifecycle.Core.Tests.TestSupport;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.Core.Tests.ArmEmulator
{
    /// <summary>One official example file (autorest x-ms-examples format), read from <see cref="RepoPaths.ArmExamples"/>.</summary>
    internal sealed class ArmExample
    {
        private ArmExample(JObject document) => Document = document;

        public JObject Document { get; }

        public JObject Parameters => (JObject)Document["parameters"]!;

        public string Parameter(string name) => (string)Parameters[name]!;

        public JObject Response(string status) => (JObject)Document["responses"]![status]!;

        public JObject ResponseBody(string status) => (JObject)Response(status)["body"]!;

        public static ArmExample Load(string fileName)
        {
            string path = Path.Combine(RepoPaths.ArmExamples!, fileName);
            return new ArmExample(JsonText.ParseObject(File.ReadAllText(path)));
        }

        /// <summary>The query string the example's request would carry.</summary>
        public string ApiVersionQuery => "api-version=" + Parameter("api-version");
    }
}
