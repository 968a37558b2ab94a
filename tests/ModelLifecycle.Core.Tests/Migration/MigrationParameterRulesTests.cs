using ModelLifecycle.Core.Inventory;
using ModelLifecycle.Core.Migration;
using Xunit;

namespace ModelLifecycle.Core.Tests.Migration
{
    /// <summary>Parameter combinations that cannot work are refused by the Core, before any request.</summary>
    public class MigrationParameterRulesTests
    {
        [Theory]
        [InlineData(true, false, false, MigrationMode.Auto, null, "OfflineNeedsPlanOnly")]
        [InlineData(false, false, true, MigrationMode.InPlace, null, "RemoveSourceNeedsSideBySide")]
        [InlineData(false, false, false, MigrationMode.Auto, "no spaces allowed", "InvalidDeploymentName")]
        [InlineData(true, true, false, MigrationMode.Auto, null, null)]
        [InlineData(false, false, true, MigrationMode.SideBySide, "images-next", null)]
        public void Switches_that_cannot_work_together_are_refused(bool offline, bool planOnly, bool removeSource, MigrationMode mode, string? newName, string? errorId)
        {
            var refused = MigrationParameterRules.Refuse(offline, planOnly, removeSource, mode, newName);
            Assert.Equal(errorId, refused?.ErrorId);
            if (refused is not null)
            {
                Assert.Equal(ErrorKind.InvalidArgument, refused.Kind);
            }
        }

        [Fact]
        public void A_new_deployment_name_needs_exactly_one_source()
        {
            var one = DeploymentSelection.Of(new InputItem[0], new NamedDeployments("rg", "acct", "images", new[] { "00000000-0000-0000-0000-000000000001" }));
            var account = DeploymentSelection.Of(new InputItem[0], new NamedDeployments("rg", "acct"));

            Assert.Null(MigrationParameterRules.Refuse("images-next", one));
            Assert.Null(MigrationParameterRules.Refuse(null, account));
            Assert.Equal("NewDeploymentNameNeedsOneSource", MigrationParameterRules.Refuse("images-next", account)?.ErrorId);
        }
    }
}
