using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace ModelLifecycle.Bench.References
{
    /// <summary>Runs a command-line tool, timing it from start to exit with its output read as it comes.</summary>
    internal sealed class ExternalTool
    {
        public ExternalTool(string label, string file, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
        {
            Label = label;
            File = file;
            Arguments = arguments;
            Environment = environment ?? new Dictionary<string, string>();
        }

        public string Label { get; }

        public string File { get; }

        public IReadOnlyList<string> Arguments { get; }

        public IReadOnlyDictionary<string, string> Environment { get; }

        /// <summary>The command as a person would type it in a POSIX shell.</summary>
        public string CommandLine =>
            string.Join(" ", Environment.Select(e => $"{e.Key}={e.Value}").Concat(new[] { File }).Concat(Arguments.Select(Quote)));

        public static bool IsInstalled(string file)
        {
            try
            {
                return Run(file, new[] { "--version" }, new Dictionary<string, string>(), _ => { }).ExitCode == 0;
            }
            catch (Win32Exception)
            {
                return false;
            }
        }

        /// <summary>Runs once; returns elapsed seconds and the number of output lines.</summary>
        public (double Seconds, int Lines) Time()
        {
            int lines = 0;
            var watch = Stopwatch.StartNew();
            (int exit, string error) = Run(File, Arguments, Environment, _ => lines++);
            watch.Stop();
            ThrowOnFailure(exit, error);
            return (watch.Elapsed.TotalSeconds, lines);
        }

        /// <summary>Runs once and hands every output line to <paramref name="onLine"/>.</summary>
        public void Capture(Action<string> onLine)
        {
            (int exit, string error) = Run(File, Arguments, Environment, onLine);
            ThrowOnFailure(exit, error);
        }

        // Exit code 1 means "no match" for grep and ripgrep; only 2 and up are failures.
        private void ThrowOnFailure(int exit, string error)
        {
            if (exit > 1)
            {
                throw new InvalidOperationException($"{Label} failed with exit code {exit}: {error}");
            }
        }

        private static (int ExitCode, string Error) Run(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, Action<string> onLine)
        {
            var start = new ProcessStartInfo(file)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            foreach (KeyValuePair<string, string> variable in environment)
            {
                start.Environment[variable.Key] = variable.Value;
            }

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            string? line;
            while ((line = process.StandardOutput.ReadLine()) != null)
            {
                onLine(line);
            }

            process.WaitForExit();
            return (process.ExitCode, error.Result);
        }

        private static string Quote(string argument) =>
            argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_./=:".IndexOf(c) >= 0)
                ? argument
                : "'" + argument.Replace("'", "'\\''") + "'";
    }
}
