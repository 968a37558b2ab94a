using System;
using System.Management.Automation;
using ModelLifecycle.Core;

namespace ModelLifecycle.Binding
{
    /// <summary>Refuses an -AsOf outside <see cref="AsOfRange"/> at binding, instead of failing later with an arithmetic overflow.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ValidateAsOfAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            if (value is DateTime asOf && !AsOfRange.Contains(asOf))
            {
                throw new ValidationMetadataException($"-AsOf {asOf:yyyy-MM-dd} is outside the days a lifecycle answer can be given for ({AsOfRange.Describe()}).");
            }
        }
    }
}
