using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using ModelLifecycle.Core.References;
using ModelLifecycle.Core.References.Ignore;

namespace ModelLifecycle.Bench.References
{
    /// <summary>
    /// "references --ignore-heavy": the engine against ripgrep on a tree of ~5,000 small files under a
    /// ~300-rule .gitignore (<see cref="IgnoreHeavyTreeGenerator"/>), where listing the files and deciding
    /// what is ignored is most of the work. Also times the ignore decisions alone: every entry the walk
    /// looks at, run through the same <see cref="IgnoreStack"/> the walk builds, in a loop.
    /// </summary>
    internal static class IgnoreHeavyScenario
    {
        public static int Run(BenchArgs options)
        {
            int reps = options.Int("reps", 7);
            int toolReps = options.Int("tool-reps", 7);
            string root = Path.GetFullPath(options.String("dir") ?? Path.Combine(Path.GetTempPath(), "mlrefs-bench-ignore-heavy"));
            string gitIgnore = IgnoreHeavyTreeGenerator.RootGitIgnore();
            Console.WriteLine($"references --ignore-heavy: {root}, root .gitignore of {IgnoreHeavyTreeGenerator.RuleCount(gitIgnore)} rules");
            var generation = Stopwatch.StartNew();
            bool generated = new IgnoreHeavyTreeGenerator(root).EnsureGenerated();
            Console.WriteLine(generated ? $"generated the tree in {generation.Elapsed.TotalSeconds:0.0} s" : "reusing the generated tree");

            List<ReferencePattern> patterns = BenchPatterns.All();
            string tokenRegex = ReferenceScenario.TokenRegex(patterns.Select(p => p.Text));
            string patternFile = root + ".patterns.txt";
            File.WriteAllLines(patternFile, patterns.Select(p => p.Text));

            // What the ignore decisions cost alone.
            List<Decision> decisions = Decisions(root, out int onDisk);
            int ignored = decisions.Count(d => d.Stack.IsIgnored(d.FullPath, d.Name, d.IsDirectory));
            Console.WriteLine($"{onDisk} files on disk; the walk decides on {decisions.Count} entries, {ignored} of them ignored");
            for (int i = 0; i < 3; i++)
            {
                Decide(decisions); // warm-up (tier-1 JIT)
            }

            var ignoreTimes = new List<double>();
            for (int i = 0; i < reps; i++)
            {
                var watch = Stopwatch.StartNew();
                Decide(decisions);
                ignoreTimes.Add(watch.Elapsed.TotalSeconds);
            }

            Console.WriteLine($"ignore decisions alone: {ReferenceScenario.Median(ignoreTimes) * 1000:0.0} ms median of {reps} ({string.Join(", ", ignoreTimes.Select(t => (t * 1000).ToString("0.0")))})");

            // The walk alone (listing and ignore decisions, no reading).
            var walkTimes = new List<double>();
            int listed = 0;
            for (int i = 0; i <= reps; i++)
            {
                var watch = Stopwatch.StartNew();
                listed = 0;
                new SourceTreeWalker(PhysicalFileSystem.Instance, false, PathFilter.None, _ => { })
                    .Walk(root, _ => listed++, default);
                if (i > 0)
                {
                    walkTimes.Add(watch.Elapsed.TotalSeconds);
                }
            }

            Console.WriteLine($"walk alone: {ReferenceScenario.Median(walkTimes) * 1000:0.0} ms median of {reps}, {listed} files to search");

            var engineOptions = new ReferenceScanOptions { Paths = new List<string> { root } };
            List<ReferenceMatch> engineMatches = ReferenceScenario.ScanOnce(patterns, engineOptions);
            var engineTimes = new List<double>();
            for (int i = 0; i < reps; i++)
            {
                var watch = Stopwatch.StartNew();
                engineMatches = ReferenceScenario.ScanOnce(patterns, engineOptions);
                engineTimes.Add(watch.Elapsed.TotalSeconds);
            }

            Console.WriteLine($"engine: {ReferenceScenario.Median(engineTimes):0.000} s median of {reps} ({string.Join(", ", engineTimes.Select(t => t.ToString("0.000")))}), {engineMatches.Count} matches");

            if (!ExternalTool.IsInstalled("rg"))
            {
                Console.Error.WriteLine("ripgrep (rg) is not installed: apt-get install -y ripgrep");
                return 3;
            }

            string[] ripgrepCommon = { "--no-config", "--hidden", "--no-require-git", "-g", "!.git", "-i" };
            var rows = new List<ReferenceScenario.ToolRow>
            {
                ReferenceScenario.TimeTool(new ExternalTool("rg -F -w", "rg", ripgrepCommon.Concat(new[] { "-F", "-w", "-n", "--column", "-f", patternFile, root }).ToList()), toolReps),
                ReferenceScenario.TimeTool(new ExternalTool("rg -P (engine's token rule)", "rg", ripgrepCommon.Concat(new[] { "-P", "-n", "--column", "-e", tokenRegex, root }).ToList()), toolReps),
            };

            var checkTool = new ExternalTool("rg --json -P", "rg", ripgrepCommon.Concat(new[] { "-P", "--json", "-e", tokenRegex, root }).ToList());
            var expected = new HashSet<MatchKey>();
            checkTool.Capture(line => expected.UnionWith(RipgrepJson.Matches(line)));
            var actual = new HashSet<MatchKey>(engineMatches.Select(m => new MatchKey(m.Path, m.LineNumber, m.Column, m.Match)));
            var check = MatchCheck.Report(expected, actual, checkTool.CommandLine);
            bool equal = check.Equal;
            double engine = ReferenceScenario.Median(engineTimes);

            Console.WriteLine();
            Console.WriteLine($"{"tool",-30} {"median s",9} {"lines",8} {"engine/tool",12}");
            Console.WriteLine($"{"engine (in-process)",-30} {engine,9:0.000} {engineMatches.Count,8} {1.0,12:0.00}");
            foreach (ReferenceScenario.ToolRow row in rows)
            {
                Console.WriteLine($"{row.Tool.Label,-30} {row.Median,9:0.000} {row.Lines,8} {engine / row.Median,12:0.00}");
            }

            string resultFile = BenchResults.Write(options.String("results"), "references-ignore-heavy", new
            {
                scenario = "references --ignore-heavy",
                utc = DateTime.UtcNow.ToString("o"),
                machine = new { cores = Environment.ProcessorCount, os = RuntimeInformation.OSDescription, runtime = RuntimeInformation.FrameworkDescription },
                tree = new { root, files = onDisk, decisions = decisions.Count, ignored, searched = listed, patterns = patterns.Count },
                ignoreDecisions = new { median = ReferenceScenario.Median(ignoreTimes), times = ignoreTimes },
                walk = new { median = ReferenceScenario.Median(walkTimes), times = walkTimes },
                engine = new { median = engine, times = engineTimes, matches = engineMatches.Count },
                tools = rows.Select(r => new { label = r.Tool.Label, command = r.Tool.CommandLine, median = r.Median, times = r.Times, outputLines = r.Lines, engineOverTool = engine / r.Median }),
                check = new { command = checkTool.CommandLine, equal, engineMatches = actual.Count, ripgrepMatches = expected.Count },
            });
            Console.WriteLine($"results: {resultFile}");
            return equal ? 0 : 1;
        }

        private static int Decide(List<Decision> decisions)
        {
            int ignored = 0;
            foreach (Decision d in decisions)
            {
                if (d.Stack.IsIgnored(d.FullPath, d.Name, d.IsDirectory))
                {
                    ignored++;
                }
            }

            return ignored;
        }

        /// <summary>Every entry the walk decides on, with the rules in force there, as the walk builds them.</summary>
        private static List<Decision> Decisions(string root, out int filesOnDisk)
        {
            filesOnDisk = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Count(f => !f.Contains(Path.DirectorySeparatorChar + ".git" + Path.DirectorySeparatorChar));
            var decisions = new List<Decision>();
            var pending = new Stack<(string Directory, IgnoreStack? Stack)>();
            pending.Push((root, null));
            while (pending.Count > 0)
            {
                (string directory, IgnoreStack? stack) = pending.Pop();
                string ignoreFile = Path.Combine(directory, ".gitignore");
                if (File.Exists(ignoreFile))
                {
                    stack = new IgnoreStack(stack, directory, IgnoreRule.ParseFile(File.ReadAllText(ignoreFile)));
                }

                if (stack == null)
                {
                    continue;
                }

                foreach (string entry in Directory.EnumerateFileSystemEntries(directory))
                {
                    string name = Path.GetFileName(entry);
                    if (name == ".git")
                    {
                        continue;
                    }

                    bool isDirectory = Directory.Exists(entry);
                    decisions.Add(new Decision(stack, entry, name, isDirectory));
                    if (isDirectory && !stack.IsIgnored(entry, name, true))
                    {
                        pending.Push((entry, stack));
                    }
                }
            }

            return decisions;
        }

        private sealed record Decision(IgnoreStack Stack, string FullPath, string Name, bool IsDirectory);
    }
}
