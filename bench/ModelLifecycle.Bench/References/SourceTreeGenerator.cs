using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace ModelLifecycle.Bench.References
{
    /// <summary>
    /// Writes a deterministic source-like tree: projects of C#, Python, TypeScript, PowerShell, YAML, JSON and
    /// Markdown files, with ignored build output and node_modules, .env files, binaries, UTF-16 files,
    /// minified one-line bundles and two large data files. Model ids, deployment names and near misses are
    /// planted at a density like a repository that calls Azure OpenAI. Each file has its own seeded random
    /// source, so the tree is the same on every machine and can be written in parallel.
    /// </summary>
    internal sealed class SourceTreeGenerator
    {
        private const int Version = 1;

        private static readonly string[] Words =
        {
            "account", "batch", "buffer", "cache", "client", "config", "context", "count", "customer", "data", "delta",
            "document", "entry", "event", "factory", "filter", "handler", "index", "item", "job", "key", "limit",
            "logger", "manager", "message", "metric", "model", "node", "order", "owner", "page", "parser", "path",
            "payload", "policy", "prompt", "queue", "reader", "record", "region", "request", "response", "result",
            "retry", "route", "schema", "scope", "service", "session", "settings", "state", "status", "stream",
            "summary", "table", "task", "tenant", "token", "trace", "user", "value", "vector", "version", "window",
            "worker", "writer", "embedding", "completion", "deployment", "endpoint", "capacity", "quota",
        };

        private static readonly string[] Extensions = { ".cs", ".cs", ".cs", ".py", ".py", ".ts", ".ts", ".js", ".json", ".md", ".yaml", ".ps1", ".go", ".txt" };

        private static readonly string[] CodeLines =
        {
            "    public async Task<{T}> {N}Async(int {v}, CancellationToken cancellationToken = default)",
            "        var {v} = new List<{T}>({n});",
            "        if ({v} > {n}) {{ return {v} - {n}; }}",
            "    // TODO: refactor {w} handling for version {n}.{n}.{n}",
            "import {{ {N} }} from \"./{w}-{w}\";",
            "  \"{w}\": \"{w}-{n}\",",
            "def {w}_{w}(self, {v}={n}):",
            "        return self.{w}.get(\"{w}\", {n})",
            "## {N} {N}",
            "The {w} service returns {n} items when the {w} is set.",
            "    - name: {w}-{w}",
            "  <PackageReference Include=\"{N}.{N}\" Version=\"{n}.{n}.{n}\" />",
            "        logger.LogInformation(\"Processed {{Count}} items in {{Elapsed}} ms\", {v}, sw.ElapsedMilliseconds);",
            "        {v} = 0x{x}; {v}2 = {n}.{n}e-{n};",
            "",
            "    }",
            "        }",
            "        {v}.{N}({v}, {v});",
            "        throw new InvalidOperationException($\"The {w} '{{{v}}}' was not found.\");",
            "    foreach (var {v} in {v}s.Where(x => x.{N} != null))",
            "{v} := {w}.New{N}({n}) // {w} {w} {w}",
            "$({v}) = Get-{N} -Name '{w}-{n}' -ErrorAction Stop",
            "        self.assertEqual({v}.{w}, {n})",
            "// Modèle de données: {w} ({n} éléments)",
            "# 设置 {w} 的默认值 {n}",
        };

        private static readonly string[] MentionLines =
        {
            "    \"model\": \"{m}\",",
            "deployment_name = os.getenv(\"AZURE_OPENAI_DEPLOYMENT\", \"{m}\")",
            "        var response = await client.GetChatCompletionsAsync(\"{m}\", options);",
            "POST https://contoso.openai.azure.com/openai/deployments/{m}/chat/completions?api-version=2024-06-01",
            "We moved the {w} pipeline from {m} to a newer model.",
            "  model: {m}",
            "| {m} | 2024-05-13 | Standard | {n} |",
            "const MODEL = '{m}'; // 日本語のコメント",
            "// Modèle utilisé: {m}",
            "AZURE_OPENAI_MODEL={m}",
            "$deployment = New-AzCognitiveServicesAccountDeployment -Name {m} -Sku Standard",
            "        model=[{m}], temperature=0.{n})",
            "# {M} is what the {w} service calls.",
        };

        private readonly string root;
        private readonly int fileCount;
        private readonly long totalBytes;

        public SourceTreeGenerator(string root, int fileCount, int sizeMb)
        {
            this.root = root;
            this.fileCount = fileCount;
            totalBytes = sizeMb * 1024L * 1024L;
        }

        /// <summary>A file next to the tree that says it is complete and with which parameters.</summary>
        private string Marker => root.TrimEnd('/', '\\') + ".complete";

        private string Signature => $"v{Version} files={fileCount} bytes={totalBytes}";

        /// <summary>Generates the tree unless a complete one with the same parameters is there.</summary>
        public bool EnsureGenerated()
        {
            if (File.Exists(Marker) && File.ReadAllText(Marker) == Signature && Directory.Exists(root))
            {
                return false;
            }

            if (Directory.Exists(root))
            {
                Directory.Delete(root, true);
            }

            Directory.CreateDirectory(root);
            List<FileSpec> files = Plan();
            Directory.CreateDirectory(Path.Combine(root, ".git"));
            File.WriteAllText(Path.Combine(root, ".git", "HEAD"), "ref: refs/heads/main\n");
            File.WriteAllText(Path.Combine(root, ".gitignore"), BenchPatterns.RootGitIgnore);
            Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, Write);
            File.WriteAllText(Marker, Signature);
            return true;
        }

        private List<FileSpec> Plan()
        {
            var random = new Random(20240513);
            var files = new List<FileSpec>();
            long big = totalBytes / 20; // two files of ~5% each: the "couple of large files"
            files.Add(new FileSpec("data/telemetry-export.txt", FileKind.Text, big));
            files.Add(new FileSpec("data/catalog-dump.json", FileKind.Text, big));
            for (int i = 0; i < 3; i++)
            {
                files.Add(new FileSpec($"web/static/bundle{i}.min.js", FileKind.Minified, Math.Max(64 * 1024, totalBytes / 1000)));
            }

            int binaries = Math.Max(5, fileCount / 500);
            int wide = Math.Max(4, fileCount / 1000);
            int envFiles = Math.Max(2, fileCount / 500);
            int ignored = fileCount / 10;
            int regular = Math.Max(10, fileCount - files.Count - binaries - wide - envFiles - ignored);
            long perFile = Math.Max(512, (totalBytes - files.Sum(f => f.Size)) / (regular + ignored));

            for (int i = 0; i < binaries; i++)
            {
                files.Add(new FileSpec($"assets/img{i / 50}/picture{i}.{(i % 2 == 0 ? "png" : "dll")}", FileKind.Binary, 4096 + random.Next(60000)));
            }

            for (int i = 0; i < wide; i++)
            {
                files.Add(new FileSpec($"scripts/windows/Setup{i}.ps1", i % 2 == 0 ? FileKind.Utf16Le : FileKind.Utf16Be, 2048 + random.Next(30000)));
            }

            int projects = Math.Max(2, regular / 400);
            for (int i = 0; i < envFiles; i++)
            {
                files.Add(new FileSpec($"src/Project{i % projects}/.env{(i >= projects ? "." + i : string.Empty)}", FileKind.Env, 300));
            }

            for (int i = 0; i < ignored; i++)
            {
                string path = (i % 4) switch
                {
                    0 => $"node_modules/pkg{i % 97}/lib/index{i}.js",
                    1 => $"src/Project{i % projects}/bin/Debug/out{i}.txt",
                    2 => $"src/Project{i % projects}/obj/gen{i}.cs",
                    _ => i % 40 == 3 ? $"logs/important.log" : $"logs/run{i}.log",
                };
                files.Add(new FileSpec(path, FileKind.Text, Size(random, perFile)));
            }

            files.Add(new FileSpec("src/Legacy/.gitignore", FileKind.Literal, 0) { Literal = BenchPatterns.NestedGitIgnore });
            files.Add(new FileSpec(".github/workflows/ci.yml", FileKind.Text, 4000));
            for (int i = 0; i < regular; i++)
            {
                int project = i % projects;
                string area = Words[(i / projects) % 17];
                string sub = i % 3 == 0 ? string.Empty : "/" + Words[(i / 7) % Words.Length];
                string ext = Extensions[random.Next(Extensions.Length)];
                string top = project % 5 == 4 ? "tests" : project % 7 == 6 ? "docs" : "src";
                string name = i % 211 == 0 ? $"src/Legacy/{Words[i % Words.Length]}{i}.generated.cs"
                    : i % 409 == 0 ? "src/Legacy/Keep.generated.cs"
                    : $"{top}/Project{project}/{area}{sub}/{char.ToUpperInvariant(Words[i % Words.Length][0])}{Words[i % Words.Length].Substring(1)}{i}{ext}";
                files.Add(new FileSpec(name, FileKind.Text, Size(random, perFile)));
            }

            // Paths can repeat (Keep.generated.cs, important.log); the first spec wins.
            return files.GroupBy(f => f.Path).Select(g => g.First()).ToList();
        }

        private static long Size(Random random, long mean) =>
            Math.Max(200, Math.Min(mean * 20, (long)(-Math.Log(1 - random.NextDouble()) * mean)));

        private void Write(FileSpec file)
        {
            string path = Path.Combine(root, file.Path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var random = new Random(StableHash(file.Path));
            switch (file.Kind)
            {
                case FileKind.Literal:
                    File.WriteAllText(path, file.Literal);
                    break;
                case FileKind.Binary:
                    var bytes = new byte[file.Size];
                    random.NextBytes(bytes);
                    byte[] header = { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D };
                    Buffer.BlockCopy(header, 0, bytes, 0, header.Length);
                    byte[] planted = Encoding.ASCII.GetBytes(" gpt-4o o1 chat-prod ");
                    Buffer.BlockCopy(planted, 0, bytes, bytes.Length / 2, planted.Length);
                    File.WriteAllBytes(path, bytes);
                    break;
                case FileKind.Utf16Le:
                case FileKind.Utf16Be:
                    var encoding = new UnicodeEncoding(file.Kind == FileKind.Utf16Be, true);
                    using (var writer = new StreamWriter(path, false, encoding))
                    {
                        WriteText(writer, random, file.Size / 2, 40);
                    }

                    break;
                case FileKind.Env:
                    File.WriteAllText(path, Expand("AZURE_OPENAI_ENDPOINT=https://contoso.openai.azure.com/\nAZURE_OPENAI_DEPLOYMENT={m}\nAZURE_OPENAI_EMBEDDINGS={m}\n", random));
                    break;
                case FileKind.Minified:
                    using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
                    {
                        WriteMinified(writer, random, file.Size);
                    }

                    break;
                default:
                    using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
                    {
                        WriteText(writer, random, file.Size, 1500);
                    }

                    break;
            }
        }

        /// <summary>Lines of code and prose; about one line in <paramref name="mentionEvery"/> names a pattern, as many a near miss.</summary>
        private static void WriteText(StreamWriter writer, Random random, long size, int mentionEvery)
        {
            long written = 0;
            while (written < size)
            {
                int roll = random.Next(mentionEvery);
                string template = roll == 0 ? MentionLines[random.Next(MentionLines.Length)]
                    : roll == 1 ? MentionLines[random.Next(MentionLines.Length)].Replace("{m}", "{x-near}")
                    : CodeLines[random.Next(CodeLines.Length)];
                string line = Expand(template, random);
                writer.Write(line);
                writer.Write(random.Next(10) == 0 ? "\r\n" : "\n");
                written += line.Length + 1;
            }
        }

        /// <summary>A bundler's output: ~1 MB lines of statements, with mentions inside.</summary>
        private static void WriteMinified(StreamWriter writer, Random random, long size)
        {
            long written = 0;
            long lineLength = 0;
            while (written < size)
            {
                string piece = random.Next(400) == 0
                    ? Expand("var m=\"{m}\";", random)
                    : Expand("function {v}({v}){{return {v}.{w}+{n}}};", random);
                writer.Write(piece);
                written += piece.Length;
                lineLength += piece.Length;
                if (lineLength > 1024 * 1024)
                {
                    writer.Write('\n');
                    lineLength = 0;
                }
            }
        }

        private static string Expand(string template, Random random)
        {
            var sb = new StringBuilder(template.Length + 32);
            for (int i = 0; i < template.Length; i++)
            {
                char c = template[i];
                if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
                {
                    sb.Append('{');
                    i++;
                    continue;
                }

                if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
                {
                    sb.Append('}');
                    i++;
                    continue;
                }

                if (c != '{')
                {
                    sb.Append(c);
                    continue;
                }

                int close = template.IndexOf('}', i);
                string slot = template.Substring(i + 1, close - i - 1);
                i = close;
                string word = Words[random.Next(Words.Length)];
                switch (slot)
                {
                    case "w": sb.Append(word); break;
                    case "v": sb.Append(word).Append(random.Next(3) == 0 ? "Count" : string.Empty); break;
                    case "N": case "T": sb.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1); break;
                    case "n": sb.Append(random.Next(random.Next(3) == 0 ? 100000 : 100)); break;
                    case "x": sb.Append(random.Next().ToString("x8")); break;
                    case "m": sb.Append(Mentions[random.Next(Mentions.Length)]); break;
                    case "M": sb.Append(Mentions[random.Next(Mentions.Length)].ToUpperInvariant()); break;
                    case "x-near": sb.Append(BenchPatterns.NearMisses[random.Next(BenchPatterns.NearMisses.Length)]); break;
                    default: sb.Append(slot); break;
                }
            }

            return sb.ToString();
        }

        private static readonly string[] Mentions = BenchPatterns.Mentions();

        private static int StableHash(string s)
        {
            unchecked
            {
                int h = (int)2166136261;
                foreach (char c in s)
                {
                    h = (h ^ c) * 16777619;
                }

                return h;
            }
        }

        private enum FileKind
        {
            Text,
            Minified,
            Binary,
            Utf16Le,
            Utf16Be,
            Env,
            Literal,
        }

        private sealed class FileSpec
        {
            public FileSpec(string path, FileKind kind, long size)
            {
                Path = path;
                Kind = kind;
                Size = size;
            }

            public string Path { get; }

            public FileKind Kind { get; }

            public long Size { get; }

            public string Literal { get; init; } = string.Empty;
        }
    }
}
