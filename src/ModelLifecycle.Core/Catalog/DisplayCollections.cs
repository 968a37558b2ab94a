using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace ModelLifecycle
{
    // Output objects go to Format-Table, Export-Csv and ConvertTo-Json. Export-Csv writes a property
    // with its ToString(), so collections here say something useful there ("gpt-image-1, gpt-image-1.5")
    // instead of a type name, while ConvertTo-Json still sees a real array or object.

    /// <summary>A read-only list whose ToString joins its items' own ToString with a separator.</summary>
    public abstract class DisplayList<T> : ReadOnlyCollection<T>
    {
        private readonly string _separator;

        protected DisplayList(IList<T> items, string separator)
            : base(items)
        {
            _separator = separator;
        }

        public override string ToString() => string.Join(_separator, this.Select(i => i?.ToString()));
    }

    /// <summary>One or more models, shown as "a, b".</summary>
    public sealed class ModelRefList : DisplayList<ModelRef>
    {
        public static readonly ModelRefList Empty = new ModelRefList(Array.Empty<ModelRef>());

        public ModelRefList(IEnumerable<ModelRef> items)
            : base(items.Distinct().ToList(), ", ")
        {
        }
    }

    /// <summary>Lines of text, shown joined with "; ".</summary>
    public sealed class TextList : DisplayList<string>
    {
        public static readonly TextList Empty = new TextList(Array.Empty<string>());

        public TextList(IEnumerable<string> items)
            : base(items.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToList(), "; ")
        {
        }
    }

    /// <summary>
    /// Retirement dates per deployment type (sku name), shown as "Standard=2026-03-31; GlobalStandard=2026-10-01".
    /// The dates are UTC days like every other date of the module's output, so JSON does not mix offsets.
    /// </summary>
    public sealed class DeploymentTypeDates : Dictionary<string, DateTime>
    {
        public DeploymentTypeDates()
            : base(StringComparer.OrdinalIgnoreCase)
        {
        }

        public DeploymentTypeDates(IDictionary<string, DateTime> dates)
            : base(dates.ToDictionary(p => p.Key, p => Core.UtcDay.Of(p.Value)), StringComparer.OrdinalIgnoreCase)
        {
        }

        public override string ToString() =>
            string.Join("; ", this.OrderBy(p => p.Value).ThenBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
                .Select(p => p.Key + "=" + p.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }
}
