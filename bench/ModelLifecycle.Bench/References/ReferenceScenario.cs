using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using ModelLifecycle.Core.References;

namespace ModelLifecycle.Bench.References
{
    /// <summary>
    /// "references": the Find-ModelReference engine against a plain per-line Regex baseline
    /// (<see cref="BaselineScanner"/>), ripgrep and grep on one generated tree, in one run. Times are medians of repetitions after a warm-up (so every tool reads from the page cache), the
    /// engine in-process. The engine's match set is checked against ripgrep running a PCRE2 regex that
    /// encodes the engine's token rule, which must agree exactly.
    /// </summary>
    internal sealed class ReferenceScenario : IScenario
    {
        public string Name => "references";

        public string Description => "source-tree scan vs a per-line Regex baseline, ripgrep and grep [--files N] [--size-mb N] [--dir D] [--reps N] [--tool-reps N] [--quick] [--no-grep] [--ignore-heavy]";

        public int Run(string[] args)
        {
            var options = new BenchArgs(args, "quick", "no-grep", "ignore-heavy");
            if (options.Has("ignore-heavy"))
            {
                return IgnoreHeavyScenario.Run(options);
            }

            bool quick = options.Has("quick");
            int files = options.Int("files", quick ? 2000 : 50000);
            int sizeMb = options.Int("size-mb", quick ? 40 : 1024);
            int reps = options.Int("reps", quick ? 3 : 5);
            int toolReps = options.Int("tool-reps", 3);
            string root = Path.GetFullPath(options.String("dir") ?? Path.Combine(Path.GetTempPath(), $"mlrefs-bench-{files}f-{sizeMb}mb"));

            Console.WriteLine($"references: {files} files, {sizeMb} MB in {root}");
            var generation = Stopwatch.StartNew();
            bool generated = new SourceTreeGenerator(root, files, sizeMb).EnsureGenerated();
            Console.WriteLine(generated ? $"generated the tree in {generation.Elapsed.TotalSeconds:0.0} s" : "reusing the generated tree");

            List<ReferencePattern> patterns = BenchPatterns.All();
            string patternFile = root + ".patterns.txt";
            File.WriteAllLines(patternFile, patterns.Select(p => p.Text));
            string tokenRegex = TokenRegex(patterns.Select(p => p.Text));
            Console.WriteLine($"{patterns.Count} patterns ({BenchPatterns.ModelIds.Length} model ids with spellings, {BenchPatterns.DeploymentNames.Length} deployment names)");

            // The engine: default options (whole tokens, case-insensitive, .gitignore honoured, one worker per core).
            var engineOptions = new ReferenceScanOptions { Paths = new List<string> { root } };
            List<ReferenceMatch> engineMatches = ScanOnce(patterns, engineOptions);
            var engineTimes = new List<double>();
            for (int i = 0; i < reps; i++)
            {
                var watch = Stopwatch.StartNew();
                engineMatches = ScanOnce(patterns, engineOptions);
                engineTimes.Add(watch.Elapsed.TotalSeconds);
            }

            Console.WriteLine($"engine: {Median(engineTimes):0.000} s median of {reps} ({string.Join(", ", engineTimes.Select(t => t.ToString("0.000")))}), {engineMatches.Count} matches");

            // The baseline: the same files, one compiled Regex per line (see BaselineScanner), as many workers.
            var baseline = new BaselineScanner(patterns.Select(p => p.Text), engineOptions.EffectiveParallelismForReport());
            List<MatchKey> baselineMatches = baseline.Scan(root);
            var baselineTimes = new List<double>();
            for (int i = 0; i < reps; i++)
            {
                var watch = Stopwatch.StartNew();
                baselineMatches = baseline.Scan(root);
                baselineTimes.Add(watch.Elapsed.TotalSeconds);
            }

            Console.WriteLine($"baseline: {Median(baselineTimes):0.000} s median of {reps} ({string.Join(", ", baselineTimes.Select(t => t.ToString("0.000")))}), {baselineMatches.Count} matches");
            var engineKeys = new HashSet<MatchKey>(engineMatches.Select(m => new MatchKey(m.Path, m.LineNumber, m.Column, m.Match)));
            var baselineKeys = new HashSet<MatchKey>(baselineMatches);
            bool baselineEqual = baselineKeys.SetEquals(engineKeys) && baselineMatches.Count == engineMatches.Count && baseline.Errors == 0;

            var rows = new List<ToolRow>();
            string[] ripgrepCommon = { "--no-config", "--hidden", "--no-require-git", "-g", "!.git", "-i" };
            var ripgrepFast = new ExternalTool(
                "rg -F -w",
                "rg",
                ripgrepCommon.Concat(new[] { "-F", "-w", "-n", "--column", "-f", patternFile, root }).ToList());
            var ripgrepExact = new ExternalTool(
                "rg -P (engine's token rule)",
                "rg",
                ripgrepCommon.Concat(new[] { "-P", "-n", "--column", "-e", tokenRegex, root }).ToList());
            var grep = new ExternalTool(
                "grep -rnFwi",
                "grep",
                new[] { "-r", "-n", "-F", "-w", "-i", "-I", "-f", patternFile }
                    .Concat(BenchPatterns.GrepExcludeDirs.Select(d => "--exclude-dir=" + d))
                    .Concat(BenchPatterns.GrepExcludeFiles.Select(f => "--exclude=" + f))
                    .Concat(new[] { root }).ToList(),
                new Dictionary<string, string> { ["LC_ALL"] = "C" });

            if (!ExternalTool.IsInstalled("rg"))
            {
                Console.Error.WriteLine("ripgrep (rg) is not installed: apt-get install -y ripgrep");
                return 3;
            }

            rows.Add(TimeTool(ripgrepFast, toolReps));
            rows.Add(TimeTool(ripgrepExact, toolReps));
            if (!options.Has("no-grep"))
            {
                rows.Add(TimeTool(grep, toolReps));
            }

            // The check: the same (path, line, column, text) set as ripgrep with the engine's token rule.
            var checkTool = new ExternalTool("rg --json -P", "rg", ripgrepCommon.Concat(new[] { "-P", "--json", "-e", tokenRegex, root }).ToList());
            var expected = new HashSet<MatchKey>();
            checkTool.Capture(line => expected.UnionWith(RipgrepJson.Matches(line)));
            HashSet<MatchKey> actual = engineKeys;
            var check = MatchCheck.Report(expected, actual, checkTool.CommandLine);
            bool equal = check.Equal;
            double engine = Median(engineTimes);

            Console.WriteLine($"baseline vs engine: {(baselineEqual ? "EQUAL" : $"DIFFERENT ({baselineKeys.Except(engineKeys).Count()} only in the baseline, {engineKeys.Except(baselineKeys).Count()} only in the engine, {baseline.Errors} walk errors)")}");

            Console.WriteLine();
            Console.WriteLine($"{"tool",-30} {"median s",9} {"lines",8} {"engine/tool",12}");
            double baselineMedian = Median(baselineTimes);
            Console.WriteLine($"{"engine (in-process)",-30} {engine,9:0.000} {engineMatches.Count,8} {1.0,12:0.00}");
            Console.WriteLine($"{"baseline: Regex per line",-30} {baselineMedian,9:0.000} {baselineMatches.Count,8} {engine / baselineMedian,12:0.00}");
            foreach (ToolRow row in rows)
            {
                Console.WriteLine($"{row.Tool.Label,-30} {row.Median,9:0.000} {row.Lines,8} {engine / row.Median,12:0.00}");
            }

            Console.WriteLine();
            foreach (ToolRow row in rows)
            {
                Console.WriteLine($"{row.Tool.Label}: {row.Tool.CommandLine}");
            }

            string resultFile = BenchResults.Write(options.String("results"), "references", new
            {
                scenario = Name,
                utc = DateTime.UtcNow.ToString("o"),
                machine = new { cores = Environment.ProcessorCount, os = RuntimeInformation.OSDescription, runtime = RuntimeInformation.FrameworkDescription },
                tree = new { root, files, sizeMb, patterns = patterns.Count },
                engine = new { median = engine, times = engineTimes, matches = engineMatches.Count, parallelism = engineOptions.EffectiveParallelismForReport() },
                baseline = new { regex = baseline.Pattern, median = baselineMedian, times = baselineTimes, matches = baselineMatches.Count, equalToEngine = baselineEqual, engineOverBaseline = engine / baselineMedian },
                tools = rows.Select(r => new { label = r.Tool.Label, command = r.Tool.CommandLine, median = r.Median, times = r.Times, outputLines = r.Lines, engineOverTool = engine / r.Median }),
                check = new
                {
                    command = checkTool.CommandLine,
                    equal,
                    engineMatches = actual.Count,
                    ripgrepMatches = expected.Count,
                    onlyRipgrep = check.Missing.Take(50).Select(k => k.ToString()),
                    onlyEngine = check.Extra.Take(50).Select(k => k.ToString()),
                },
            });
            Console.WriteLine($"results: {resultFile}");
            return equal && baselineEqual ? 0 : 1;
        }

        /// <summary>
        /// The engine's whole-token rule as a PCRE2 regex: no letter, digit, '-' or '_' on either side, no
        /// "digit." before and no ".digit" after. Longer alternatives first, so that where two patterns start
        /// at one place the longer is tried first (only one can be a whole token there).
        /// </summary>
        internal static string TokenRegex(IEnumerable<string> texts)
        {
            IEnumerable<string> alternatives = texts.Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(t => t.Length)
                .Select(t => string.Concat(t.Select(c => char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == ' ' ? c.ToString() : "\\" + c)));
            return "(?<![A-Za-z0-9_-])(?<![0-9]\\.)(?:" + string.Join("|", alternatives) + ")(?![A-Za-z0-9_-])(?!\\.[0-9])";
        }

        internal static List<ReferenceMatch> ScanOnce(List<ReferencePattern> patterns, ReferenceScanOptions options) =>
            ReferenceScanner.Scan(patterns, options).ToList();

        internal static ToolRow TimeTool(ExternalTool tool, int reps)
        {
            tool.Time(); // warm-up
            var times = new List<double>();
            int lines = 0;
            for (int i = 0; i < reps; i++)
            {
                (double seconds, int output) = tool.Time();
                times.Add(seconds);
                lines = output;
            }

            Console.WriteLine($"{tool.Label}: {Median(times):0.000} s median of {reps} ({string.Join(", ", times.Select(t => t.ToString("0.000")))}), {lines} lines");
            return new ToolRow(tool, times, lines);
        }

        internal static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            int n = sorted.Count;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }

        internal sealed record ToolRow(ExternalTool Tool, List<double> Times, int Lines)
        {
            public double Median => ReferenceScenario.Median(Times);
        }
    }

    internal static class ReferenceScanOptionsReport
    {
        public static int EffectiveParallelismForReport(this ReferenceScanOptions options) =>
            options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount;
    }
}
