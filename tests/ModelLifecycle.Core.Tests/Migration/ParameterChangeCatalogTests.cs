using System;
using System.Linq;
using ModelLifecycle.Core.Migration;
using Xunit;

namespace ModelLifecycle.Core.Tests.Migration
{
    /// <summary>The embedded parameter-change data and its reader.</summary>
    public class ParameterChangeCatalogTests
    {
        private static ParameterChangeCatalog Data => ParameterChangeCatalog.Embedded;

        private static ParameterChange One(string source, string target, string parameter, string? from = null) =>
            Assert.Single(Data.Lookup(source, target), c => c.Parameter == parameter && (from is null || c.From == from));

        [Fact]
        public void Dalle2_to_gpt_image_1_mini_is_the_quick_fix()
        {
            var size = One("dall-e-2", "gpt-image-1-mini", "size", "512x512");
            Assert.Equal(ParameterChangeKind.MapValues, size.ChangeValue);
            Assert.Equal("1024x1024", size.To);

            var format = One("dall-e-2", "gpt-image-1-mini", "response_format");
            Assert.Equal(ParameterChangeKind.Remove, format.ChangeValue);
            Assert.Equal("url", format.From);
            Assert.Equal("b64_json", format.To);
            Assert.Contains("base64", format.Detail);

            Assert.Equal("medium", One("dall-e-2", "gpt-image-1-mini", "quality", "standard").To);
            Assert.Equal("high", One("dall-e-2", "gpt-image-1-mini", "quality", "hd").To);
            Assert.All(Data.Lookup("dall-e-2", "gpt-image-1-mini"), c => Assert.Equal("images", c.Api));
        }

        [Fact]
        public void Dalle3_to_gpt_image_maps_its_own_sizes_and_drops_style()
        {
            Assert.Equal("1536x1024", One("dall-e-3", "gpt-image-1", "size", "1792x1024").To);
            Assert.Equal("1024x1536", One("dall-e-3", "gpt-image-1.5", "size", "1024x1792").To);
            Assert.DoesNotContain(Data.Lookup("dall-e-3", "gpt-image-1"), c => c.From == "512x512");
            Assert.Equal(ParameterChangeKind.Remove, One("dall-e-3", "gpt-image-1", "style").ChangeValue);
            Assert.Equal(ParameterChangeKind.Check, One("dall-e-3", "gpt-image-1", "n").ChangeValue);
            Assert.Equal(ParameterChangeKind.New, One("dall-e-3", "gpt-image-1", "output_format").ChangeValue);
            // The older "dalle-3" spelling is the same model.
            Assert.Equal(Data.Lookup("dall-e-3", "gpt-image-1").Count, Data.Lookup("dalle-3", "gpt-image-1").Count);
        }

        [Fact]
        public void Gpt4o_to_o4_mini_renames_max_tokens_and_removes_temperature()
        {
            var changes = Data.Lookup("gpt-4o", "o4-mini");
            var rename = Assert.Single(changes, c => c.Api == "chat.completions" && c.Parameter == "max_tokens");
            Assert.Equal(ParameterChangeKind.Rename, rename.ChangeValue);
            Assert.Equal("max_completion_tokens", rename.To);
            Assert.Equal("max_output_tokens", Assert.Single(changes, c => c.Api == "responses" && c.Parameter == "max_tokens").To);
            Assert.Equal(ParameterChangeKind.Remove, Assert.Single(changes, c => c.Parameter == "temperature").ChangeValue);
            foreach (var p in new[] { "top_p", "presence_penalty", "frequency_penalty", "logprobs", "top_logprobs", "logit_bias" })
            {
                Assert.Equal(ParameterChangeKind.Remove, Assert.Single(changes, c => c.Parameter == p).ChangeValue);
            }

            Assert.Equal(ParameterChangeKind.New, Assert.Single(changes, c => c.Parameter == "reasoning_effort").ChangeValue);
            Assert.DoesNotContain(changes, c => c.Parameter == "(endpoint)");
        }

        [Theory]
        [InlineData("gpt-4.1", "gpt-5.1-codex")]
        [InlineData("gpt-4o-mini", "gpt-5-pro")]
        [InlineData("gpt-35-turbo", "codex-mini")]
        [InlineData("gpt-4", "o3-pro")]
        public void Responses_only_targets_add_a_Check_on_the_endpoint(string source, string target)
        {
            var changes = Data.Lookup(source, target);
            var endpoint = Assert.Single(changes, c => c.Parameter == "(endpoint)");
            Assert.Equal(ParameterChangeKind.Check, endpoint.ChangeValue);
            Assert.Equal("responses", endpoint.To);
            Assert.Contains(changes, c => c.Parameter == "max_tokens");
        }

        [Fact]
        public void Non_reasoning_gpt5_chat_targets_are_left_out()
        {
            Assert.Empty(Data.Lookup("gpt-4o", "gpt-5-chat"));
            Assert.NotEmpty(Data.Lookup("gpt-4o", "gpt-5.1"));
        }

        [Fact]
        public void Ada_to_text_embedding_3_adds_dimensions_and_says_to_re_embed()
        {
            var changes = Data.Lookup("text-embedding-ada-002", "text-embedding-3-large");
            Assert.Equal(ParameterChangeKind.New, Assert.Single(changes, c => c.Parameter == "dimensions").ChangeValue);
            var vectors = Assert.Single(changes, c => c.ChangeValue == ParameterChangeKind.Check);
            Assert.Contains("re-embed", vectors.Detail);
            Assert.All(changes, c => Assert.Equal("embeddings", c.Api));
        }

        [Theory]
        [InlineData("gpt-4o", "text-embedding-3-small")]
        [InlineData("whisper", "gpt-4o-transcribe")]
        [InlineData("gpt-4o", "gpt-4o")]
        [InlineData("", "gpt-5")]
        public void An_unknown_pair_or_the_same_model_has_no_changes(string source, string target)
        {
            Assert.Empty(Data.Lookup(source, target));
        }

        [Fact]
        public void Every_row_cites_a_public_learn_page()
        {
            foreach (var pair in new[] { ("dall-e-2", "gpt-image-1"), ("dall-e-3", "gpt-image-1.5"), ("gpt-4o", "gpt-5.1-codex"), ("text-embedding-ada-002", "text-embedding-3-small") })
            {
                Assert.All(Data.Lookup(pair.Item1, pair.Item2), c => Assert.StartsWith("https://learn.microsoft.com/azure/ai-foundry/openai/how-to/", c.Source));
            }
        }

        [Theory]
        [InlineData("gpt-image-1", true)]
        [InlineData("gpt-image-1.5", true)]
        [InlineData("gpt-5", true)]
        [InlineData("gpt-5.1", true)]
        [InlineData("o3", true)]
        [InlineData("gpt-image-1-mini", false)]
        [InlineData("gpt-5-mini", false)]
        [InlineData("o4-mini", false)]
        public void Limited_access_models_are_data(string model, bool limited)
        {
            var record = Data.LimitedAccess(model);
            Assert.Equal(limited, record is not null);
            if (record is not null)
            {
                Assert.StartsWith("https://", record.Source);
            }
        }

        private const string Valid = @"{ ""format"": ""ModelLifecycle.ParameterChanges"", ""formatVersion"": 1, ""rules"": [
  { ""from"": [ ""a*"" ], ""to"": [ ""b"" ], ""changes"": [
    { ""api"": ""chat.completions"", ""parameter"": ""p"", ""change"": ""Rename"", ""from"": ""p"", ""to"": ""q"", ""detail"": ""d"", ""source"": ""https://example.com/x"" } ] } ] }";

        [Fact]
        public void A_small_valid_file_reads_and_wildcards_match()
        {
            var data = ParameterChangeCatalog.Read(Valid, "small.json");
            Assert.Equal("q", Assert.Single(data.Lookup("abc", "b")).To);
            Assert.Empty(data.Lookup("xyz", "b"));
            Assert.True(data.Covers("a1", "B"));
            Assert.Null(data.LimitedAccess("b"));
        }

        [Theory]
        [InlineData("{ \"format\": ", "the JSON is malformed")]
        [InlineData("[]", "must hold one JSON object")]
        [InlineData("{ \"format\": \"Other\", \"formatVersion\": 1, \"rules\": [] }", "'format' must be 'ModelLifecycle.ParameterChanges'")]
        [InlineData("{ \"format\": \"ModelLifecycle.ParameterChanges\", \"formatVersion\": 2, \"rules\": [] }", "'formatVersion' must be 1")]
        [InlineData("{ \"format\": \"ModelLifecycle.ParameterChanges\", \"formatVersion\": 1 }", "'rules' is required")]
        [InlineData("{ \"format\": \"ModelLifecycle.ParameterChanges\", \"formatVersion\": 1, \"rules\": [], \"extra\": 1 }", "'extra' is not a property of the file")]
        public void A_malformed_file_is_an_error_that_names_file_and_problem(string json, string problem)
        {
            var e = Assert.Throws<ParameterChangeFormatException>(() => ParameterChangeCatalog.Read(json, "bad.json"));
            Assert.Contains(problem, e.Message);
            Assert.Contains("'bad.json'", e.Message);
            Assert.Equal("ParameterChangeFileInvalid", e.ErrorId);
            Assert.Equal(ErrorKind.InvalidData, e.Kind);
        }

        [Theory]
        [InlineData("\"change\": \"Rename\"", "\"change\": \"Renamed\"", "'change' must be Remove, Rename, MapValues, Check or New, not 'Renamed'")]
        [InlineData("\"change\": \"Rename\"", "\"change\": \"1\"", "'change' must be")]
        [InlineData("\"source\": \"https://example.com/x\"", "\"source\": \"http://example.com/x\"", "'source' must be a public https URL")]
        [InlineData(", \"source\": \"https://example.com/x\"", "", "'source' is required")]
        [InlineData("\"to\": \"q\", ", "", "a Rename change needs both 'from' and 'to'")]
        [InlineData("\"from\": [ \"a*\" ]", "\"from\": [ ]", "'from' must name at least one model")]
        [InlineData("\"api\": \"chat.completions\"", "\"api\": \"chat.completions\", \"typo\": 1", "'typo' is not a property of a change")]
        public void A_bad_row_is_an_error_with_its_line_and_position(string find, string replace, string problem)
        {
            var json = Valid.Replace(find, replace);
            Assert.NotEqual(Valid, json);
            var e = Assert.Throws<ParameterChangeFormatException>(() => ParameterChangeCatalog.Read(json, "bad.json"));
            Assert.Contains(problem, e.Problem);
            Assert.True(e.Line >= 2, "line " + e.Line);
            Assert.True(e.Position > 0);
        }

        [Fact]
        public void A_missing_file_is_ObjectNotFound()
        {
            var e = Assert.Throws<ModelLifecycleException>(() => ParameterChangeCatalog.ReadFile("/nonexistent/parameter-changes.json"));
            Assert.Equal("ParameterChangeFileNotFound", e.ErrorId);
        }

        [Fact]
        public void A_directory_is_said_to_be_a_directory_not_access_denied()
        {
            var e = Assert.Throws<ModelLifecycleException>(() => ParameterChangeCatalog.ReadFile(System.IO.Path.GetTempPath()));
            Assert.Equal("ParameterChangeFileIsDirectory", e.ErrorId);
            Assert.DoesNotContain("denied", e.Message);
        }
    }
}
