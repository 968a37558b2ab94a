using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace ModelLifecycle.Tests
{
    /// <summary>
    /// Reads cmdlet attributes from metadata. The PowerShellStandard reference assembly's method bodies
    /// are empty, so an instantiated attribute's getters return defaults; what the compiler wrote into
    /// the assembly (constructor and named arguments) is what PowerShell will read, and is read here.
    /// </summary>
    internal static class Meta
    {
        public static CustomAttributeData? Attribute<T>(MemberInfo member) =>
            member.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(T));

        public static IEnumerable<CustomAttributeData> Attributes<T>(MemberInfo member) =>
            member.GetCustomAttributesData().Where(a => a.AttributeType == typeof(T));

        public static object? Named(CustomAttributeData a, string name) =>
            a.NamedArguments.Where(n => n.MemberName == name).Select(n => n.TypedValue.Value).FirstOrDefault();

        public static string CmdletName(Type cmdlet)
        {
            var a = Attribute<CmdletAttribute>(cmdlet)!;
            return a.ConstructorArguments[0].Value + "-" + a.ConstructorArguments[1].Value;
        }

        public static string Verb(Type cmdlet) => (string)Attribute<CmdletAttribute>(cmdlet)!.ConstructorArguments[0].Value!;

        public static bool SupportsShouldProcess(Type cmdlet) => Named(Attribute<CmdletAttribute>(cmdlet)!, "SupportsShouldProcess") as bool? ?? false;

        public static string? DefaultParameterSet(Type cmdlet) => Named(Attribute<CmdletAttribute>(cmdlet)!, "DefaultParameterSetName") as string;

        public static IEnumerable<string> OutputTypeNames(Type cmdlet) =>
            Attributes<OutputTypeAttribute>(cmdlet).SelectMany(a => a.ConstructorArguments)
                .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> items ? items.Select(i => i.Value) : new[] { arg.Value })
                .Select(v => v is Type t ? t.FullName! : (string)v!);

        public sealed class Param
        {
            public string Property { get; set; } = string.Empty;
            public string? Set { get; set; }
            public bool Mandatory { get; set; }
            public int Position { get; set; } = int.MinValue;
            public bool FromPipeline { get; set; }
            public bool FromPipelineByPropertyName { get; set; }
        }

        public static IEnumerable<Param> Parameters(Type cmdlet) =>
            from p in cmdlet.GetProperties()
            from a in Attributes<ParameterAttribute>(p)
            select new Param
            {
                Property = p.Name,
                Set = Named(a, "ParameterSetName") as string,
                Mandatory = Named(a, "Mandatory") as bool? ?? false,
                Position = Named(a, "Position") as int? ?? int.MinValue,
                FromPipeline = Named(a, "ValueFromPipeline") as bool? ?? false,
                FromPipelineByPropertyName = Named(a, "ValueFromPipelineByPropertyName") as bool? ?? false,
            };

        public static bool Has<T>(MemberInfo member) => Attribute<T>(member) is not null;
    }
}
