using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using ModelLifecycle.Core.Inventory;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.Binding
{
    /// <summary>
    /// The one place PowerShell's objects become what the Core reads. Every value that comes from the
    /// pipeline or from a command this module runs passes through <see cref="Of"/> before a Core service
    /// sees it, and the views it makes turn their own values in the same way when they are read, so the
    /// Core never holds a PSObject and needs no callback into this layer.
    /// </summary>
    internal static class CoreView
    {
        /// <summary>
        /// A [pscustomobject] becomes a property bag over its PSObject; any other PSObject gives up its
        /// base object (an Az SDK object, a string, a list), which is then viewed in turn. Dictionaries
        /// (hashtables) and sequences become views whose values are viewed as they are read. Strings,
        /// JSON and plain .NET objects are what the Core reads already.
        /// </summary>
        public static object? Of(object? value) => value switch
        {
            null => null,
            PSObject { BaseObject: PSCustomObject } custom => new PSObjectPropertyBag(custom),
            PSObject wrapped => Of(wrapped.BaseObject),
            string or JToken or IPropertyBag => value,
            IDictionary dictionary => new DictionaryView(dictionary),
            IEnumerable sequence => new SequenceView(sequence),
            _ => value,
        };

        /// <summary>The Core's bag for <paramref name="value"/>; null for scalars and sequences.</summary>
        public static IPropertyBag? BagOf(object? value) => PropertyBags.From(Of(value));

        /// <summary>A hashtable or other dictionary, read by the Core's own rules, its values viewed.</summary>
        private sealed class DictionaryView : IPropertyBag, IInputView
        {
            private readonly IDictionary _dictionary;
            private readonly IPropertyBag _bag;

            public DictionaryView(IDictionary dictionary)
            {
                _dictionary = dictionary;
                _bag = PropertyBags.From(dictionary)!;
            }

            public object Source => _dictionary;

            public bool TryGetValue(string name, out object? value)
            {
                var found = _bag.TryGetValue(name, out var raw);
                value = Of(raw);
                return found;
            }

            public override string ToString() => _dictionary.ToString() ?? string.Empty;
        }

        /// <summary>An array or list (one account's deployments from Get-AzCognitiveServicesAccountDeployment), its elements viewed.</summary>
        private sealed class SequenceView : IEnumerable<object?>, IInputView
        {
            private readonly IEnumerable _sequence;

            public SequenceView(IEnumerable sequence) => _sequence = sequence;

            public object Source => _sequence;

            public IEnumerator<object?> GetEnumerator()
            {
                foreach (var element in _sequence)
                {
                    yield return Of(element);
                }
            }

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

            public override string ToString() => _sequence.ToString() ?? string.Empty;
        }
    }
}
