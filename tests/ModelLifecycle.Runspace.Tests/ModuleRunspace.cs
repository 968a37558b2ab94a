using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ModelLifecycle.Runspace.Tests
{
    /// <summary>
    /// A PowerShell runspace in this process with the module's assembly imported (from this test's
    /// output folder) and the test double of Az.Accounts first on PSModulePath. Each test gets its own.
    /// </summary>
    internal sealed class ModuleRunspace : IDisposable
    {
        private readonly System.Management.Automation.Runspaces.Runspace _runspace;

        public ModuleRunspace()
        {
            var state = InitialSessionState.CreateDefault2();
            _runspace = RunspaceFactory.CreateRunspace(state);
            _runspace.Open();
            string fakeAz = Path.Combine(RepoRoot, "tests", "Pester", "FakeAz");
            Invoke(
                "param($FakeAz, $Module) $env:PSModulePath = $FakeAz + [IO.Path]::PathSeparator + $env:PSModulePath; Import-Module $Module -ErrorAction Stop",
                new Dictionary<string, object?> { ["FakeAz"] = fakeAz, ["Module"] = typeof(Commands.TestDeploymentUpgradePolicyCommand).Assembly.Location });
        }

        /// <summary>The repository root: the folder above tests/ that holds ModelLifecycle.sln.</summary>
        public static string RepoRoot
        {
            get
            {
                var dir = new DirectoryInfo(AppContext.BaseDirectory);
                while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ModelLifecycle.sln")))
                {
                    dir = dir.Parent;
                }

                return dir?.FullName ?? throw new InvalidOperationException("ModelLifecycle.sln not found above " + AppContext.BaseDirectory);
            }
        }

        /// <summary>Runs a script; returns its output and the records of its streams.</summary>
        public RunResult Invoke(string script, IDictionary<string, object?>? parameters = null, IEnumerable<object>? input = null)
        {
            using var ps = PowerShell.Create();
            ps.Runspace = _runspace;
            ps.AddScript(script);
            if (parameters is not null)
            {
                foreach (var p in parameters)
                {
                    ps.AddParameter(p.Key, p.Value);
                }
            }

            Collection<PSObject> output;
            Exception? terminating = null;
            try
            {
                output = input is null ? ps.Invoke() : ps.Invoke(input);
            }
            catch (RuntimeException ex)
            {
                output = new Collection<PSObject>();
                terminating = ex;
            }

            return new RunResult(
                output.Where(o => o is not null).ToList(),
                ps.Streams.Error.ToList(),
                ps.Streams.Warning.Select(w => w.Message).ToList(),
                ps.Streams.Information.Select(i => i.MessageData?.ToString() ?? string.Empty).ToList(),
                terminating)
            {
                Progress = ps.Streams.Progress.ToList(),
            };
        }

        public void Dispose() => _runspace.Dispose();
    }

    internal sealed class RunResult
    {
        public RunResult(IReadOnlyList<PSObject> output, IReadOnlyList<ErrorRecord> errors, IReadOnlyList<string> warnings, IReadOnlyList<string> information, Exception? terminating)
        {
            Output = output;
            Errors = errors;
            Warnings = warnings;
            Information = information;
            Terminating = terminating;
        }

        public IReadOnlyList<PSObject> Output { get; }

        public IReadOnlyList<ErrorRecord> Errors { get; }

        public IReadOnlyList<string> Warnings { get; }

        public IReadOnlyList<string> Information { get; }

        public IReadOnlyList<ProgressRecord> Progress { get; init; } = new ProgressRecord[0];

        /// <summary>The exception that ended the script, when one did.</summary>
        public Exception? Terminating { get; }

        /// <summary>The error record of the terminating exception, when it carries one.</summary>
        public ErrorRecord? TerminatingRecord => (Terminating as IContainsErrorRecord)?.ErrorRecord;
    }
}
