using System;
using Xunit;
using static ModelLifecycle.Core.Tests.Support.Catalogs;

namespace ModelLifecycle.Core.Tests.Common
{
    public class UtcDayTests
    {
        [Fact]
        public void Output_dates_are_UTC_days_whatever_kind_they_were_given_in()
        {
            var local = new DateTime(2026, 11, 22, 15, 30, 0, DateTimeKind.Local);
            Assert.Equal(DateTimeKind.Utc, UtcDay.Of(local).Kind);
            Assert.Equal(new DateTime(2026, 11, 22), UtcDay.Of(local));
            Assert.Null(UtcDay.Of((DateTime?)null));

            var a = Assess(Deployment("gpt-4o", "2024-08-06"), "2026-01-15");
            Assert.Equal(DateTimeKind.Utc, a.AsOf.Kind);
            Assert.Equal(DateTimeKind.Utc, a.RetirementDate!.Value.Kind);
            Assert.Equal(DateTimeKind.Utc, a.EffectiveDate!.Value.Kind);
        }
    }
}
