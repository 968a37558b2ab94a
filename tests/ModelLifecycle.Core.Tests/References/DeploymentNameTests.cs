using System.Collections.Generic;
using System.Linq;
using ModelLifecycle.Core.References;
using Xunit;

namespace ModelLifecycle.Core.Tests.References
{
    /// <summary>
    /// Deployment names match where code names a deployment, not wherever the word occurs: deployments
    /// named chat, default or embedding otherwise flood the results with every client.chat call.
    /// </summary>
    public class DeploymentNameTests
    {
        private static List<string> Find(TempTree tree, RecordingSink sink, params string[] names)
        {
            var request = new ModelReferenceRequest { DeploymentNames = names.ToList(), AsOf = ReferenceCatalog.Date };
            return Scan.Find(ReferenceCatalog.Instance, request, tree.Root, sink)
                .Select(r => $"{Scan.Relative(r.Path, tree.Root)}:{r.LineNumber}:{r.Column}:{r.Match}")
                .ToList();
        }

        [Fact]
        public void Names_match_in_literals_settings_env_files_IaC_and_deployment_urls_only()
        {
            using var tree = new TempTree();
            tree.Write("app.py", string.Join("\n",
                "resp = client.chat.completions.create(model=deployment)",
                "resp = client.chat.completions.create(model=\"chat\")",
                "x = chat",
                "url = f\"{endpoint}/openai/deployments/chat/chat/completions\"",
                "role = 'chat'",
                string.Empty));
            tree.Write("Program.cs", string.Join("\n",
                "CancellationToken token = default;",
                "var name = \"default\";",
                "var e = embedding.Length;",
                string.Empty));
            tree.Write(".env", string.Join("\n",
                "AZURE_OPENAI_DEPLOYMENT=chat",
                "export AZURE_OPENAI_EMBEDDING_DEPLOYMENT=embedding  # vectors",
                "GREETING=chat with us",
                string.Empty));
            tree.Write("infra/azure.yaml", string.Join("\n",
                "deployments:",
                "  - name: chat",
                "    model: default",
                "chat: true",
                "deployment_name: embedding",
                string.Empty));
            tree.Write("infra/main.bicep", "resource d 'deployments' = { name: 'chat' }\n");
            tree.Write("README.md", "Start a chat with the default model; the deployment is `chat`.\n");
            var sink = new RecordingSink();

            List<string> found = Find(tree, sink, "chat", "default", "embedding");

            Assert.Equal(
                new[]
                {
                    ".env:1:25:chat",
                    ".env:2:42:embedding",
                    "Program.cs:2:13:default",
                    "README.md:1:57:chat",
                    "app.py:2:46:chat",
                    "app.py:4:39:chat",
                    "app.py:5:9:chat",
                    "infra/azure.yaml:2:11:chat",
                    "infra/azure.yaml:3:12:default",
                    "infra/azure.yaml:5:18:embedding",
                    "infra/main.bicep:1:37:chat",
                },
                found);
        }

        [Fact]
        public void Literals_that_are_keys_or_subscripts_do_not_name_a_deployment()
        {
            using var tree = new TempTree();
            tree.Write("schema.json", "{ \"default\": false, \"chat\" : { \"deployment\": \"chat\" } }\n");
            tree.Write("embed.py", string.Join("\n",
                "vector = response['data'][0]['embedding']",
                "kinds = ['embedding', 'chat']",
                "options = {'default': 1, \"model\": \"embedding\"}",
                "cls = Config::default",
                string.Empty));
            tree.Write("switch.cpp", "auto d = std::string(\"chat\")::npos;\n");

            List<string> found = Find(tree, new RecordingSink(), "chat", "default", "embedding");

            Assert.Equal(
                new[] { "embed.py:2:11:embedding", "embed.py:2:24:chat", "embed.py:3:36:embedding", "schema.json:1:47:chat", "switch.cpp:1:23:chat" },
                found);
        }

        [Fact]
        public void A_name_that_is_an_ordinary_word_is_warned_about_once()
        {
            using var tree = new TempTree();
            tree.Write("a.py", "m = \"chat\"\nn = \"chat\"\nd = \"chat-prod\"\n");
            var sink = new RecordingSink();

            Assert.Equal(3, Find(tree, sink, "chat", "chat-prod", "Chat").Count);

            string warning = Assert.Single(sink.Warnings);
            Assert.Contains("'chat' is an ordinary word", warning);
        }
    }
}
