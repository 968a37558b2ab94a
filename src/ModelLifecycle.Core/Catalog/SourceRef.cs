using System;
using System.Collections.Generic;

namespace ModelLifecycle.Core.Catalog
{
    /// <summary>
    /// Provenance: which published source (URL, and the commit or date of the version read) gave
    /// which fields of an entry.
    /// </summary>
    public sealed class SourceRef
    {
        public SourceRef(string name, string? url, string? commit, DateTime? date, IReadOnlyList<string> fields)
        {
            Name = name;
            Url = url;
            Commit = commit;
            Date = date;
            Fields = fields;
        }

        /// <summary>The record set (for the embedded snapshot) or "file:&lt;path&gt;" or "live:&lt;location&gt;".</summary>
        public string Name { get; }

        public string? Url { get; }

        public string? Commit { get; }

        /// <summary>The date of the source's content (the doc's ms.date, the file's snapshot date, or when live data was read).</summary>
        public DateTime? Date { get; }

        /// <summary>The entry fields this source supplied.</summary>
        public IReadOnlyList<string> Fields { get; }

        public override string ToString() => Date is DateTime d ? $"{Name} ({d:yyyy-MM-dd})" : Name;
    }
}
