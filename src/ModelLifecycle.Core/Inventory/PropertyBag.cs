using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.Core.Inventory
{
    /// <summary>
    /// Read-only, case-insensitive access to an object's properties, whatever the object is: a JSON
    /// object, a dictionary, a .NET object, or a view the host made of its own objects (PowerShell's
    /// PSObjects are turned into such views before the Core sees them). This is how the Core reads
    /// pipeline input without knowing PowerShell.
    /// </summary>
    public interface IPropertyBag
    {
        bool TryGetValue(string name, out object? value);
    }

    /// <summary>
    /// A view the host made of one of its own objects (a bag, or a sequence of views). Errors about the
    /// input name <see cref="Source"/>, the object as the caller gave it, rather than the view.
    /// </summary>
    public interface IInputView
    {
        object Source { get; }
    }

    /// <summary>Adapters from common shapes to <see cref="IPropertyBag"/>, and typed getters.</summary>
    public static class PropertyBags
    {
        /// <summary>
        /// Wraps <paramref name="value"/> as a bag, or returns null for scalars and collections. A host's
        /// own types arrive already as bags (<see cref="IPropertyBag"/>).
        /// </summary>
        public static IPropertyBag? From(object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case IPropertyBag bag:
                    return bag;
                case JObject j:
                    return new JObjectBag(j);
                case JToken:
                    return null;
                case string:
                    return null;
                case IDictionary d:
                    return new DictionaryBag(d);
            }

            var type = value.GetType();
            if (type.IsPrimitive || type.IsEnum || value is decimal || value is DateTime || value is DateTimeOffset || value is Guid || value is IEnumerable)
            {
                return null;
            }

            return new ReflectionBag(value);
        }

        public static string? GetString(this IPropertyBag bag, params string[] names)
        {
            foreach (var n in names)
            {
                if (bag.TryGetValue(n, out var v) && v is not null)
                {
                    var s = ScalarToString(v);
                    if (!string.IsNullOrEmpty(s))
                    {
                        return s;
                    }
                }
            }

            return null;
        }

        public static int? GetInt(this IPropertyBag bag, params string[] names)
        {
            var s = bag.GetString(names);
            return s is not null && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : (int?)null;
        }

        public static IPropertyBag? GetBag(this IPropertyBag bag, params string[] names)
        {
            foreach (var n in names)
            {
                if (bag.TryGetValue(n, out var v) && From(v) is IPropertyBag inner)
                {
                    return inner;
                }
            }

            return null;
        }

        public static bool Has(this IPropertyBag bag, string name) => bag.TryGetValue(name, out _);

        private static string? ScalarToString(object v) => v switch
        {
            JValue jv => jv.Type == JTokenType.Null ? null : Convert.ToString(jv.Value, CultureInfo.InvariantCulture),
            JToken => null,
            string s => s,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => From(v) is null ? v.ToString() : null,
        };

        private sealed class JObjectBag : IPropertyBag
        {
            private readonly JObject _o;

            public JObjectBag(JObject o) => _o = o;

            public bool TryGetValue(string name, out object? value)
            {
                var p = _o.Property(name, StringComparison.OrdinalIgnoreCase);
                value = p?.Value;
                return p is not null;
            }
        }

        private sealed class DictionaryBag : IPropertyBag
        {
            private readonly IDictionary _d;

            public DictionaryBag(IDictionary d) => _d = d;

            public bool TryGetValue(string name, out object? value)
            {
                foreach (DictionaryEntry e in _d)
                {
                    if (e.Key is string k && string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
                    {
                        value = e.Value;
                        return true;
                    }
                }

                value = null;
                return false;
            }
        }

        private sealed class ReflectionBag : IPropertyBag
        {
            private readonly object _o;

            public ReflectionBag(object o) => _o = o;

            public bool TryGetValue(string name, out object? value)
            {
                var p = _o.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                if (p is null || p.GetIndexParameters().Length > 0)
                {
                    value = null;
                    return false;
                }

                value = p.GetValue(_o);
                return true;
            }
        }
    }
}
