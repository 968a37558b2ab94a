using ModelLifecycle.Core.Tests.TestSupport;
using Newtonsoft.Json.Linq;
using Xunit;
using Xunit.Sdk;

namespace ModelLifecycle.Core.Tests.ArmEmulator
{
    /// <summary>The conformance tests are only as strict as this comparer, so it is tested too.</summary>
    public sealed class JsonShapeTests
    {
        private static readonly JObject Expected = JObject.Parse("{\"id\":\"/a\",\"properties\":{\"n\":1,\"s\":\"x\"},\"list\":[{\"k\":true}]}");

        [Fact]
        public void Same_document_in_another_member_order_matches()
        {
            new JsonShape().AssertMatches(Expected, JObject.Parse("{\"list\":[{\"k\":true}],\"properties\":{\"s\":\"x\",\"n\":1.0},\"id\":\"/a\"}"));
        }

        [Theory]
        [InlineData("{\"id\":\"/a\",\"properties\":{\"n\":1},\"list\":[{\"k\":true}]}")]
        [InlineData("{\"id\":\"/a\",\"properties\":{\"n\":1,\"s\":\"x\",\"extra\":0},\"list\":[{\"k\":true}]}")]
        [InlineData("{\"id\":\"/a\",\"properties\":{\"n\":\"1\",\"s\":\"x\"},\"list\":[{\"k\":true}]}")]
        [InlineData("{\"id\":\"/a\",\"properties\":{\"n\":2,\"s\":\"x\"},\"list\":[{\"k\":true}]}")]
        [InlineData("{\"id\":\"/a\",\"properties\":{\"n\":1,\"s\":\"x\"},\"list\":[]}")]
        public void Missing_extra_retyped_changed_or_shortened_members_do_not_match(string actual)
        {
            Assert.Throws<XunitException>(() => new JsonShape().AssertMatches(Expected, JObject.Parse(actual)));
        }

        [Fact]
        public void Allowed_extras_and_ignored_values_are_let_through()
        {
            new JsonShape().AllowExtra("etag").IgnoreValuesOf("id")
                .AssertMatches(Expected, JObject.Parse("{\"id\":\"/b\",\"etag\":\"e\",\"properties\":{\"n\":1,\"s\":\"x\"},\"list\":[{\"k\":true}]}"));
        }
    }
}
