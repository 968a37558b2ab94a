using System.Management.Automation;
using ModelLifecycle.Core.Inventory;

namespace ModelLifecycle.Binding
{
    /// <summary>Lets the Core read a PSObject's properties (Az objects, ConvertFrom-Json output, [pscustomobject]s).</summary>
    internal sealed class PSObjectPropertyBag : IPropertyBag
    {
        private readonly PSObject _object;

        private PSObjectPropertyBag(PSObject o) => _object = o;

        /// <summary>The host adapter handed to Core readers: wraps PSObjects whose base is not a plain value.</summary>
        public static IPropertyBag? Adapt(object value)
        {
            if (value is not PSObject pso)
            {
                return null;
            }

            var inner = pso.BaseObject;
            if (inner is PSCustomObject)
            {
                return new PSObjectPropertyBag(pso);
            }

            // A wrapped .NET object: the Core reads the object itself (dictionaries, JSON, POCOs).
            return PropertyBags.From(inner, Adapt) ?? new PSObjectPropertyBag(pso);
        }

        /// <summary>Strips the PSObject wrapper from pipeline values, except from [pscustomobject]s, whose properties live on the wrapper.</summary>
        public static object Unwrap(object value) =>
            value is PSObject pso && pso.BaseObject is not PSCustomObject ? pso.BaseObject : value;

        public bool TryGetValue(string name, out object? value)
        {
            var property = _object.Properties[name];
            if (property is null)
            {
                value = null;
                return false;
            }

            try
            {
                value = property.Value;
            }
            catch (GetValueException)
            {
                // A property getter that throws is treated as absent rather than failing the item.
                value = null;
            }

            if (value is PSObject inner && inner.BaseObject is not PSCustomObject)
            {
                value = inner.BaseObject;
            }

            return true;
        }
    }
}
