using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ModelLifecycle.Core.Catalog
{
    /// <summary>
    /// Decides, answer by answer, whether the data an answer used is stale: more than
    /// <see cref="CatalogSources.StaleAfterDays"/> days older than the date asked about. Each entry knows
    /// the date of its data (<see cref="CatalogEntry.DataDate"/>), so a user file that corrects a few
    /// entries makes those answers current and leaves the rest of the catalog as old as it is. One
    /// warning per data date per run; safe to call from several threads.
    /// </summary>
    public sealed class DataAgeCheck
    {
        private readonly DateTime _asOf;
        private readonly HashSet<DateTime> _warned = new HashSet<DateTime>();

        public DataAgeCheck(DateTime asOf)
        {
            _asOf = asOf.Date;
        }

        /// <summary>The warning for an answer built from <paramref name="entry"/>, the first time its data date is stale; otherwise null.</summary>
        public string? Check(CatalogEntry? entry) => Check(entry, null, null);

        /// <summary>The same, naming the entry's version as the deployment that asked spells it.</summary>
        public string? Check(CatalogEntry? entry, string? askedModel, string? askedVersion) =>
            entry is null ? null : Check(entry.DataDate, entry.Origin, ModelNames.Describe(entry, askedModel, askedVersion));

        /// <summary>
        /// The warning for one answer built from all of <paramref name="entries"/> (a report): the one for the
        /// oldest data among them, when that is stale; otherwise null.
        /// </summary>
        public string? CheckOldest(IEnumerable<CatalogEntry> entries) =>
            Check(entries.Where(e => e.DataDate is not null).OrderBy(e => e.DataDate).FirstOrDefault());

        /// <summary>The same for a <see cref="ModelRetirement"/> record, which carries its entry's data date.</summary>
        public string? Check(ModelRetirement record) =>
            Enum.TryParse<CatalogOrigin>(record.Source, out var origin)
                ? Check(record.DataDate, origin, record.Model + (record.Version is null ? string.Empty : " " + record.Version))
                : Check(record.DataDate, CatalogOrigin.Embedded, record.Model);

        private string? Check(DateTime? dataDate, CatalogOrigin origin, string what)
        {
            if (dataDate is not DateTime date || !CatalogSources.IsStale(date, _asOf, out var age))
            {
                return null;
            }

            lock (_warned)
            {
                if (!_warned.Add(date.Date))
                {
                    return null;
                }
            }

            return string.Format(
                CultureInfo.InvariantCulture,
                "The lifecycle data for {0} ({1}) is from {2:yyyy-MM-dd}, {3} days before {4:yyyy-MM-dd}, as is any other answer here from data of that date; retirement dates may have moved since. {5}",
                what,
                Describe(origin),
                date,
                age,
                _asOf,
                CatalogSources.FresherData);
        }

        /// <summary>
        /// The warning for deployments in <paramref name="location"/> that are judged on the catalog because its
        /// Models API could not be read, when that catalog's data is stale; otherwise null.
        /// </summary>
        public static string? FallbackWarning(string location, LifecycleCatalog fallback, DateTime asOf)
        {
            if (fallback.OldestDataDate is not DateTime oldest || !CatalogSources.IsStale(oldest, asOf, out var age))
            {
                return null;
            }

            return string.Format(
                CultureInfo.InvariantCulture,
                "The Models API for {0} could not be read, so answers for {0} use catalog data as old as {1:yyyy-MM-dd}, {2} days before {3:yyyy-MM-dd}; retirement dates there may have moved since.",
                location,
                oldest,
                age,
                asOf.Date);
        }

        private static string Describe(CatalogOrigin origin) => origin switch
        {
            CatalogOrigin.File => "the -CatalogPath file",
            CatalogOrigin.Live => "the Models API",
            _ => "the embedded catalog",
        };
    }
}
