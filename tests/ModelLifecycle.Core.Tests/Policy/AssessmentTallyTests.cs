using ModelLifecycle.Core.Policy;
using ModelLifecycle.Core.Tests.Arm;
using Xunit;
using static ModelLifecycle.Core.Tests.Support.Catalogs;

namespace ModelLifecycle.Core.Tests.Policy
{
    /// <summary>-Quiet's gate: healthy only when everything was read and nothing is at Warning or Critical.</summary>
    public class AssessmentTallyTests
    {
        private static readonly LifecycleCatalogFixture Fixture = new LifecycleCatalogFixture();

        [Fact]
        public void Nothing_assessed_and_nothing_failed_is_healthy()
        {
            Assert.True(new AssessmentTally().IsHealthy);
        }

        [Fact]
        public void A_failure_is_not_healthy_even_with_nothing_at_risk()
        {
            var tally = new AssessmentTally();
            tally.Add(Fixture.Healthy());
            tally.AddFailure();
            Assert.False(tally.IsHealthy);
            Assert.Equal(1, tally.Assessed);
            Assert.Equal(1, tally.Failures);
        }

        [Fact]
        public void A_deployment_at_warning_is_not_healthy_and_only_counts_are_kept()
        {
            var tally = new AssessmentTally();
            tally.Add(Fixture.Healthy());
            tally.Add(Fixture.AtRisk());
            Assert.False(tally.IsHealthy);
            Assert.Equal(2, tally.Assessed);
            Assert.Equal(1, tally.AtRisk);
        }

        [Fact]
        public void Describe_says_how_many_deployments_and_accounts_were_assessed()
        {
            var tally = new AssessmentTally();
            tally.Add(Fixture.Healthy());
            tally.Add(Fixture.AtRisk());
            tally.AddFailure();
            Assert.Equal("Assessed 2 deployment(s) in 1 account(s): 1 at Warning or Critical; 1 input(s) or Azure read(s) failed.", tally.Describe());
        }

        [Fact]
        public void The_tallying_sink_counts_every_error_and_passes_everything_on()
        {
            var tally = new AssessmentTally();
            var inner = new RecordingArmSink();
            IOperationSink sink = new TallyingSink(inner, tally);
            sink.WriteWarning("w");
            sink.WriteVerbose("v");
            Assert.True(tally.IsHealthy);
            sink.WriteError(new ModelLifecycleException("AuthorizationFailed", ErrorKind.PermissionDenied, "denied"));
            Assert.False(tally.IsHealthy);
            Assert.Single(inner.Errors);
            Assert.Single(inner.Warnings);
            Assert.Single(inner.Verbose);
        }

        private sealed class LifecycleCatalogFixture
        {
            private readonly ModelLifecycle.Core.Catalog.LifecycleCatalog _catalog = FromEntries(@"[
              { ""model"": ""m"", ""version"": ""1"", ""retirementDate"": ""2027-01-01"" },
              { ""model"": ""forever"", ""version"": ""1"", ""stage"": ""GenerallyAvailable"" } ]");

            public UpgradePolicyAssessment Healthy() => Assess(Deployment("forever", "1"), "2026-06-01", _catalog);

            public UpgradePolicyAssessment AtRisk() => Assess(Deployment("m", "1", option: "NoAutoUpgrade"), "2026-12-01", _catalog);
        }
    }
}
