using System.Management.Automation;
using ModelLifecycle.Core.Inventory;

namespace ModelLifecycle.Binding
{
    /// <summary>
    /// The Core's view of a [pscustomobject] (ConvertFrom-Json output, Select-Object output, objects
    /// built in a script), whose properties live on the PSObject itself. Made only by <see cref="CoreView"/>.
    /// </summary>
    internal sealed class PSObjectPropertyBag : IPropertyBag, IInputView
    {
        private readonly PSObject _object;

        internal PSObjectPropertyBag(PSObject o) => _object = o;

        public object Source => _object;

        /// <summary>Each value is turned into the Core's view as well, so nested objects never reach the Core as PSObjects.</summary>
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
                value = CoreView.Of(property.Value);
            }
            catch (GetValueException)
            {
                // A property getter that throws is treated as absent rather than failing the item.
                value = null;
            }

            return true;
        }

        public override string ToString() => _object.ToString();
    }
}
