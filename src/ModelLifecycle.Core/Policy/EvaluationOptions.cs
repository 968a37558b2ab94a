using System;
using ModelLifecycle.Core.Azure;
using ModelLifecycle.Core.Catalog;

namespace ModelLifecycle.Core.Policy
{
    public sealed class EvaluationOptions
    {
        /// <summary>The -WarningDays every cmdlet uses when none is given.</summary>
        public const int DefaultWarningDays = 90;

        public EvaluationOptions(DateTime asOf, int warningDays = DefaultWarningDays, CatalogCloud cloud = CloudChoice.Default)
        {
            if (warningDays < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(warningDays), "WarningDays must be 0 or more.");
            }

            AsOf = asOf.Date;
            WarningDays = warningDays;
            Cloud = cloud;
        }

        /// <summary>The day the verdict is for (time of day is ignored; dates in the catalog are calendar dates).</summary>
        public DateTime AsOf { get; }

        public int WarningDays { get; }

        public CatalogCloud Cloud { get; }
    }
}
