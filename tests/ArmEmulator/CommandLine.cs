using System;
using System.Collections.Generic;
using System.Globalization;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>The options of <c>dotnet ArmEmulator.dll</c>; see <see cref="Usage"/>.</summary>
    internal sealed class CommandLine
    {
        public const string Usage =
            "Usage: dotnet ArmEmulator.dll [--fleet <fleet.json> | --generate SxAxD[:seed]] [--latency-ms N] [--page-size N]\n" +
            "                              [--token <token>] [--lro-polls N] [--retry-after N] [--ignore-stdin]\n" +
            "Serves on 127.0.0.1 and a free port; the first line on stdout is 'Listening on http://127.0.0.1:<port>/'.\n" +
            "Stops when stdin closes (unless --ignore-stdin), on POST /_emulator/shutdown, or on SIGTERM/Ctrl+C.\n" +
            "Without --fleet, serves fleets/sample-fleet.json from beside the dll. Without --token, any bearer token is accepted.";

        public string? FleetPath { get; private set; }

        /// <summary>Subscriptions, accounts per subscription, deployments per account and seed for Fleet.Generate.</summary>
        public (int Subscriptions, int Accounts, int Deployments, int Seed)? Generate { get; private set; }

        public int? LatencyMs { get; private set; }

        public int? PageSize { get; private set; }

        public string? Token { get; private set; }

        public int? LroPolls { get; private set; }

        public int? RetryAfterSeconds { get; private set; }

        public bool IgnoreStdin { get; private set; }

        public bool Help { get; private set; }

        /// <summary>Parses the arguments; throws <see cref="FormatException"/> with a readable message.</summary>
        public static CommandLine Parse(IReadOnlyList<string> args)
        {
            var options = new CommandLine();
            for (int i = 0; i < args.Count; i++)
            {
                string name = args[i];
                switch (name)
                {
                    case "--fleet":
                        options.FleetPath = Value(args, ref i);
                        break;
                    case "--generate":
                        options.Generate = ParseGenerate(Value(args, ref i));
                        break;
                    case "--latency-ms":
                        options.LatencyMs = Number(args, ref i);
                        break;
                    case "--page-size":
                        options.PageSize = Number(args, ref i);
                        break;
                    case "--token":
                        options.Token = Value(args, ref i);
                        break;
                    case "--lro-polls":
                        options.LroPolls = Number(args, ref i);
                        break;
                    case "--retry-after":
                        options.RetryAfterSeconds = Number(args, ref i);
                        break;
                    case "--ignore-stdin":
                        options.IgnoreStdin = true;
                        break;
                    case "--help":
                    case "-h":
                        options.Help = true;
                        break;
                    default:
                        throw new FormatException($"Unknown argument '{name}'.");
                }
            }

            if (options.FleetPath != null && options.Generate != null)
            {
                throw new FormatException("Give either --fleet or --generate, not both.");
            }

            return options;
        }

        public EmulatorOptions ToOptions()
        {
            var options = new EmulatorOptions();
            if (LatencyMs != null)
            {
                options.Latency = TimeSpan.FromMilliseconds(LatencyMs.Value);
            }

            if (PageSize != null)
            {
                options.PageSize = PageSize.Value;
            }

            if (LroPolls != null)
            {
                options.LroInProgressPolls = LroPolls.Value;
            }

            if (RetryAfterSeconds != null)
            {
                options.RetryAfterSeconds = RetryAfterSeconds.Value;
            }

            if (Token != null)
            {
                string expected = Token;
                options.AcceptedTokens = token => string.Equals(token, expected, StringComparison.Ordinal);
            }

            return options;
        }

        // "4x50x10" or "4x50x10:7" (seed 7; the default seed is 1).
        private static (int, int, int, int) ParseGenerate(string text)
        {
            string[] seedParts = text.Split(':');
            string[] sizes = seedParts[0].Split('x', 'X');
            if (sizes.Length == 3 && seedParts.Length <= 2
                && int.TryParse(sizes[0], NumberStyles.None, CultureInfo.InvariantCulture, out int subscriptions)
                && int.TryParse(sizes[1], NumberStyles.None, CultureInfo.InvariantCulture, out int accounts)
                && int.TryParse(sizes[2], NumberStyles.None, CultureInfo.InvariantCulture, out int deployments))
            {
                int seed = 1;
                if (seedParts.Length == 1 || int.TryParse(seedParts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out seed))
                {
                    return (subscriptions, accounts, deployments, seed);
                }
            }

            throw new FormatException($"'--generate' needs SUBSCRIPTIONSxACCOUNTSxDEPLOYMENTS[:seed], e.g. 4x50x10:7, not '{text}'.");
        }

        private static string Value(IReadOnlyList<string> args, ref int i)
        {
            if (i + 1 >= args.Count)
            {
                throw new FormatException($"'{args[i]}' needs a value.");
            }

            return args[++i];
        }

        private static int Number(IReadOnlyList<string> args, ref int i)
        {
            string name = args[i];
            string text = Value(args, ref i);
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= 0
                ? value
                : throw new FormatException($"'{name}' needs a whole number of 0 or more, not '{text}'.");
        }
    }
}
