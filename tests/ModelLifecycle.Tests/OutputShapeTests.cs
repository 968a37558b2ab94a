using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ModelLifecycle.Commands;
using Xunit;

namespace ModelLifecycle.Tests
{
    /// <summary>
    /// What ConvertTo-Json and Export-Csv see of the cmdlets' output: they read the public properties of
    /// the base object. An enum there is written as a number by ConvertTo-Json (Windows PowerShell 5.1 has
    /// no -EnumsAsStrings), and a Newtonsoft token is unreadable in PowerShell and fills a CSV cell.
    /// </summary>
    public class OutputShapeTests
    {
        private static readonly Assembly Core = typeof(Deployment).Assembly;

        /// <summary>Every type a cmdlet declares in [OutputType] that this module defines.</summary>
        private static IEnumerable<Type> OutputTypes() =>
            typeof(ModelLifecycleCmdlet).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(System.Management.Automation.Cmdlet).IsAssignableFrom(t))
                .SelectMany(Meta.OutputTypeNames)
                .Select(name => Core.GetType(name))
                .Where(t => t is not null)
                .Select(t => t!)
                .Distinct();

        /// <summary>The types a property of this type exposes: itself, element types, type arguments.</summary>
        private static IEnumerable<Type> Exposed(Type type, HashSet<Type>? seen = null)
        {
            seen ??= new HashSet<Type>();
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (!seen.Add(type))
            {
                yield break;
            }

            yield return type;
            var parts = type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes;
            var elements = type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)).Select(i => i.GetGenericArguments()[0]);
            foreach (var inner in parts.Concat(elements))
            {
                foreach (var t in Exposed(inner, seen))
                {
                    yield return t;
                }
            }
        }

        /// <summary>Walks the public properties from the root through every type of this module they reach.</summary>
        private static (List<string> Problems, HashSet<Type> Visited) Walk(IEnumerable<Type> roots)
        {
            var problems = new List<string>();
            var visited = new HashSet<Type>();
            var queue = new Queue<(Type Type, string Path)>(roots.Select(r => (r, r.Name)));
            while (queue.Count > 0)
            {
                var (type, path) = queue.Dequeue();
                if (!visited.Add(type))
                {
                    continue;
                }

                foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
                {
                    foreach (var t in Exposed(p.PropertyType))
                    {
                        var where = path + "." + p.Name;
                        if (t.IsEnum)
                        {
                            problems.Add(where + " is the enum " + t.Name);
                            break;
                        }
                        else if (t.Namespace is not null && t.Namespace.StartsWith("Newtonsoft", StringComparison.Ordinal))
                        {
                            problems.Add(where + " is " + t.FullName);
                            break;
                        }
                        else if (t.Assembly == Core)
                        {
                            queue.Enqueue((t, where));
                        }
                    }
                }
            }

            return (problems, visited);
        }

        [Fact]
        public void No_public_property_of_any_output_type_is_an_enum_or_a_Newtonsoft_type()
        {
            var roots = OutputTypes().ToList();
            Assert.Equal(
                new[] { "Deployment", "MigrationPlan", "MigrationResult", "ModelReference", "ModelRetirement", "UpgradePolicyAssessment" },
                roots.Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal));

            var (problems, visited) = Walk(roots);

            // The walk reaches the nested shapes (checks, steps, parameter changes), so it is not vacuous.
            Assert.Contains(typeof(MigrationCheck), visited);
            Assert.Contains(typeof(MigrationStep), visited);
            Assert.Contains(typeof(ParameterChange), visited);
            Assert.Contains(typeof(AutoUpgradeSummary), visited);
            Assert.Empty(problems);
        }

        [Fact]
        public void The_walk_finds_an_enum_and_a_Newtonsoft_token_where_there_is_one()
        {
            var (problems, _) = Walk(new[] { typeof(Shaped) });
            Assert.Equal(new[] { "Shaped.Kind is the enum DayOfWeek", "Shaped.Body is Newtonsoft.Json.Linq.JObject", "Shaped.Kinds is the enum DayOfWeek" }, problems);
        }

        private sealed class Shaped
        {
            public DayOfWeek? Kind { get; set; }

            public Newtonsoft.Json.Linq.JObject? Body { get; set; }

            public List<DayOfWeek> Kinds { get; set; } = new List<DayOfWeek>();
        }
    }
}
