using System;
using System.Collections.Generic;
using System.Linq;
using ModelLifecycle.Bench.FleetScan;
using ModelLifecycle.Bench.Migrate;
using ModelLifecycle.Bench.References;
using ModelLifecycle.Bench.SetOption;

namespace ModelLifecycle.Bench
{
    public static class Program
    {
        // One entry per scenario; add new ones here.
        private static readonly IReadOnlyList<IScenario> Scenarios = new IScenario[]
        {
            new ReferenceScenario(),
            new FleetScenario(),
            new SetOptionScenario(),
            new MigrateScenario(),
        };

        public static int Main(string[] args)
        {
            IScenario? scenario = args.Length == 0
                ? null
                : Scenarios.FirstOrDefault(s => string.Equals(s.Name, args[0], StringComparison.OrdinalIgnoreCase));
            if (scenario == null)
            {
                Console.Error.WriteLine("usage: ModelLifecycle.Bench <scenario> [options]");
                foreach (IScenario s in Scenarios)
                {
                    Console.Error.WriteLine($"  {s.Name,-12} {s.Description}");
                }

                return 2;
            }

            try
            {
                return scenario.Run(args.Skip(1).ToArray());
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
        }
    }
}
