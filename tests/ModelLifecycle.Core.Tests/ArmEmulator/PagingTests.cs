using System;
using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;
using ModelLifecycle.ArmEmulator;
using Newtonsoft.Json.Linq;
using Xunit;
using static ModelLifecycle.Core.Tests.ArmEmulator.TestFleets;

namespace ModelLifecycle.Core.Tests.ArmEmulator
{
    public sealed class PagingTests
    {
        [Fact]
        public async Task Lists_come_in_pages_linked_by_absolute_nextLinks_that_keep_api_version_and_filters()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small(), new EmulatorOptions { PageSize = 2 });
            using EmulatorHttp http = EmulatorHttp.For(server);

            var names = new List<string>();
            string? next = $"{AccountPath(SecondAccount)}/deployments?{Api}";
            int pages = 0;
            while (next != null)
            {
                JObject page = (await http.GetAsync(next)).Json;
                pages++;
                foreach (JToken item in page["value"]!)
                {
                    names.Add((string)item["name"]!);
                }

                string? link = (string?)page["nextLink"];
                if (link != null)
                {
                    var uri = new Uri(link);
                    Assert.True(uri.IsAbsoluteUri);
                    Assert.Equal(server.BaseUri.Authority, uri.Authority);
                    Assert.Contains("api-version=2026-05-01", uri.Query, StringComparison.Ordinal);
                    Assert.Contains("$skipToken=", uri.Query, StringComparison.Ordinal);
                }

                next = link == null ? null : new Uri(link).PathAndQuery;
            }

            Assert.Equal(2, pages);
            Assert.Equal(new[] { "d1", "d2", "d3" }, names);
        }

        [Fact]
        public async Task Page_size_can_change_at_run_time_and_zero_means_one_page()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small(), new EmulatorOptions { PageSize = 1 });
            using EmulatorHttp http = EmulatorHttp.For(server);
            string usages = $"/subscriptions/{Subscription}/providers/Microsoft.CognitiveServices/locations/eastus/usages?{Api}";

            JObject paged = (await http.GetAsync(usages)).Json;
            Assert.Single((JArray)paged["value"]!);
            Assert.NotNull(paged["nextLink"]);

            server.PageSize = 0;
            JObject whole = (await http.GetAsync(usages)).Json;
            Assert.Equal(2, ((JArray)whole["value"]!).Count);
            Assert.Null(whole["nextLink"]);
        }

        [Fact]
        public async Task The_usage_filter_survives_into_the_next_link()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small(), new EmulatorOptions { PageSize = 1 });
            using EmulatorHttp http = EmulatorHttp.For(server);
            string filter = Uri.EscapeDataString("name.value eq 'AccountCount' or name.value eq 'OpenAI.GlobalStandard.gpt-4o'");

            JObject first = (await http.GetAsync($"/subscriptions/{Subscription}/providers/Microsoft.CognitiveServices/locations/eastus/usages?$filter={filter}&{Api}")).Json;
            JObject second = (await http.GetAsync(new Uri((string)first["nextLink"]!).PathAndQuery)).Json;

            Assert.Equal("AccountCount", (string?)first["value"]![0]!["name"]!["value"]);
            Assert.Equal("OpenAI.GlobalStandard.gpt-4o", (string?)second["value"]![0]!["name"]!["value"]);
            Assert.Null(second["nextLink"]);
        }

        [Fact]
        public async Task A_forged_skip_token_is_a_400()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            using EmulatorHttp http = EmulatorHttp.For(server);

            EmulatorHttp.Reply reply = await http.GetAsync($"{AccountPath(SecondAccount)}/deployments?{Api}&$skipToken=2");

            Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        }
    }
}
