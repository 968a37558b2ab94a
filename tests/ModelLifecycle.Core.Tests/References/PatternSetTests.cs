using System.Collections.Generic;
using System.Linq;
using System.Text;
using ModelLifecycle.Core.References;
using Xunit;

namespace ModelLifecycle.Core.Tests.References
{
    public class PatternSetTests
    {
        private static readonly string[] Ids = { "tts", "o1", "gpt-4o-realtime-preview", "whisper", "dall-e-3" };

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Every_occurrence_is_found_at_every_alignment(bool caseSensitive)
        {
            // The pair filter steps over bytes; an occurrence must be caught whatever its offset modulo the step.
            var set = new CompiledPatternSet(Ids.Select(Scan.Model).ToList(), caseSensitive, true);
            foreach (string id in Ids)
            {
                for (int padding = 0; padding < 9; padding++)
                {
                    byte[] text = Encoding.ASCII.GetBytes(new string(' ', padding) + id + " x");
                    var found = new List<RawMatch>();
                    set.Find(text, 0, text.Length, 0, text.Length, found);

                    RawMatch match = Assert.Single(found);
                    Assert.Equal(padding, match.Start);
                    Assert.Equal(id, Ids[match.PatternIndex]);
                }
            }
        }

        [Fact]
        public void Only_matches_starting_inside_the_search_range_are_reported()
        {
            var set = new CompiledPatternSet(Ids.Select(Scan.Model).ToList(), false, true);
            byte[] text = Encoding.ASCII.GetBytes("tts o1 whisper tts o1 whisper");
            var found = new List<RawMatch>();

            set.Find(text, 0, text.Length, 4, 15, found);

            Assert.Equal(new[] { 4, 7 }, found.Select(m => m.Start));
        }

        [Fact]
        public void Mixed_case_is_found_unless_case_sensitive()
        {
            byte[] text = Encoding.ASCII.GetBytes("TTS Whisper O1 DALL-E-3");
            var insensitive = new List<RawMatch>();
            var sensitive = new List<RawMatch>();

            new CompiledPatternSet(Ids.Select(Scan.Model).ToList(), false, true).Find(text, 0, text.Length, 0, text.Length, insensitive);
            new CompiledPatternSet(Ids.Select(Scan.Model).ToList(), true, true).Find(text, 0, text.Length, 0, text.Length, sensitive);

            Assert.Equal(new[] { 0, 4, 12, 15 }, insensitive.Select(m => m.Start));
            Assert.Empty(sensitive);
        }
    }
}
