using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// The active fault rules. Safe to change from a test thread while requests are served: rules are
    /// added, removed and evaluated under one lock, and each rule keeps its own match counter.
    /// </summary>
    public sealed class FaultInjector
    {
        private readonly object gate = new object();
        private readonly List<ActiveRule> rules = new List<ActiveRule>();
        private int nextId;

        /// <summary>Adds a copy of the rule and returns its id (also set on the copy).</summary>
        public string Add(FaultRule rule)
        {
            FaultRule copy = rule.Clone();
            Validate(copy);
            lock (gate)
            {
                copy.Id = "fault-" + (++nextId).ToString(CultureInfo.InvariantCulture);
                rules.Add(new ActiveRule(copy));
                return copy.Id;
            }
        }

        public bool Remove(string id)
        {
            lock (gate)
            {
                return rules.RemoveAll(r => r.Rule.Id == id) > 0;
            }
        }

        public void Clear()
        {
            lock (gate)
            {
                rules.Clear();
            }
        }

        /// <summary>Each rule with how many requests matched it and how many it fired on.</summary>
        public IReadOnlyList<FaultRuleStatus> Rules
        {
            get
            {
                lock (gate)
                {
                    return rules.ConvertAll(r => new FaultRuleStatus(r.Rule.Clone(), r.Matched, r.Fired));
                }
            }
        }

        /// <summary>How many times the rule with this id has fired (0 when unknown).</summary>
        public int FiredCount(string id)
        {
            lock (gate)
            {
                ActiveRule? rule = rules.Find(r => r.Rule.Id == id);
                return rule?.Fired ?? 0;
            }
        }

        /// <summary>The rules that fire on this request, in the order they were added.</summary>
        internal List<FaultRule> Evaluate(string method, string pathAndQuery)
        {
            var firing = new List<FaultRule>();
            lock (gate)
            {
                foreach (ActiveRule rule in rules)
                {
                    if (rule.Fires(method, pathAndQuery))
                    {
                        firing.Add(rule.Rule);
                    }
                }
            }

            return firing;
        }

        private static void Validate(FaultRule rule)
        {
            if (rule.PathRegex != null)
            {
                // Throws ArgumentException for a bad pattern now rather than on the first request.
                _ = new Regex(rule.PathRegex);
            }

            if (rule.Probability is < 0 or > 1)
            {
                throw new ArgumentOutOfRangeException(nameof(rule), "Probability must be between 0 and 1.");
            }

            if (rule.Kind == FaultKind.DeleteAccount && string.IsNullOrEmpty(rule.Account))
            {
                throw new ArgumentException("A DeleteAccount rule needs the account's id or name.", nameof(rule));
            }

            if (rule.Kind == FaultKind.Latency && rule.LatencyMs is null or < 0)
            {
                throw new ArgumentException("A Latency rule needs latencyMs.", nameof(rule));
            }
        }

        private sealed class ActiveRule
        {
            private readonly Regex? pattern;
            private readonly Random? random;

            public ActiveRule(FaultRule rule)
            {
                Rule = rule;
                pattern = rule.PathRegex == null ? null : new Regex(rule.PathRegex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
                random = rule.Probability == null ? null : new Random(rule.Seed);
            }

            public FaultRule Rule { get; }

            public int Matched { get; private set; }

            public int Fired { get; private set; }

            public bool Fires(string method, string pathAndQuery)
            {
                if ((Rule.Method != null && !string.Equals(Rule.Method, method, StringComparison.OrdinalIgnoreCase))
                    || (Rule.PathContains != null && pathAndQuery.IndexOf(Rule.PathContains, StringComparison.OrdinalIgnoreCase) < 0)
                    || (pattern != null && !pattern.IsMatch(pathAndQuery)))
                {
                    return false;
                }

                int index = ++Matched;
                if (index < (Rule.FromRequest ?? 1) || (Rule.ToRequest != null && index > Rule.ToRequest))
                {
                    return false;
                }

                if (random != null && random.NextDouble() >= Rule.Probability)
                {
                    return false;
                }

                Fired++;
                return true;
            }
        }
    }

    /// <summary>A rule and its counters, for tests and GET /_emulator/faults.</summary>
    public sealed class FaultRuleStatus
    {
        public FaultRuleStatus(FaultRule rule, int matched, int fired)
        {
            Rule = rule;
            Matched = matched;
            Fired = fired;
        }

        public FaultRule Rule { get; }

        public int Matched { get; }

        public int Fired { get; }
    }
}
