using Xunit;

namespace ModelLifecycle.Core.Tests.Common
{
    /// <summary>Windows PowerShell 5.1 never shows ErrorDetails.RecommendedAction: the action must be in the message.</summary>
    public class ModelLifecycleExceptionTests
    {
        [Fact]
        public void The_message_ends_with_what_to_do()
        {
            var e = new ModelLifecycleException("AzNotConnected", ErrorKind.AuthenticationError, "You are not signed in to Azure.")
            {
                RecommendedAction = "Run Connect-AzAccount.",
            };
            Assert.Equal("You are not signed in to Azure. Run Connect-AzAccount.", e.Message);
            Assert.Equal("You are not signed in to Azure.", e.Summary);
            Assert.Contains("Run Connect-AzAccount.", e.ToString());
        }

        [Fact]
        public void The_action_is_not_repeated_when_the_message_already_says_it()
        {
            var e = new ModelLifecycleException("X", ErrorKind.InvalidData, "Bad. Run Fix-It.") { RecommendedAction = "Run Fix-It." };
            Assert.Equal("Bad. Run Fix-It.", e.Message);
            Assert.Equal("Plain.", new ModelLifecycleException("X", ErrorKind.InvalidData, "Plain.").Message);
        }
    }
}
