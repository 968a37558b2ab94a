using Xunit;

namespace ModelLifecycle.Core.Tests.Common
{
    public class SubscriptionIdsTests
    {
        [Theory]
        [InlineData("a1b2c3d4-0000-4000-8000-000000000001", true)]
        [InlineData("*", true)]
        [InlineData("Contoso Production", false)]
        [InlineData("a1b2c3d4", false)]
        [InlineData("", false)]
        [InlineData(null, false)]
        public void A_subscription_id_is_a_GUID_or_a_star(string? value, bool valid) => Assert.Equal(valid, SubscriptionIds.IsValid(value));
    }
}
