namespace ModelLifecycle.Bench
{
    /// <summary>A benchmark scenario, chosen by name on the command line.</summary>
    public interface IScenario
    {
        string Name { get; }

        string Description { get; }

        /// <summary>Runs with the arguments after the scenario name; returns the process exit code.</summary>
        int Run(string[] args);
    }
}
