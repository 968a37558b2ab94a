using System;
using System.IO;
using System.Linq;

namespace ModelLifecycle.HelpGen
{
    /// <summary>HelpGen &lt;docs folder&gt; &lt;output MAML file&gt;: every "*-*.md" page in the folder becomes one command in the file.</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length != 2)
            {
                Console.Error.WriteLine("usage: HelpGen <docs/en-US folder> <output ModelLifecycle.dll-Help.xml>");
                return 2;
            }

            try
            {
                var pages = Directory.GetFiles(args[0], "*-*.md").OrderBy(p => p, StringComparer.Ordinal).Select(MarkdownHelpReader.Read).ToList();
                if (pages.Count == 0)
                {
                    Console.Error.WriteLine($"No cmdlet pages (*-*.md) in {args[0]}.");
                    return 1;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args[1]))!);
                MamlWriter.Write(pages).Save(args[1]);
                return 0;
            }
            catch (InvalidDataException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return 1;
            }
        }
    }
}
