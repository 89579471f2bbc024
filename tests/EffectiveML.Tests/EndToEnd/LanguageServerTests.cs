using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using EffectiveML.Tests.Infrastructure;
using Xunit;

namespace EffectiveML.Tests.EndToEnd
{
    /// <summary>
    /// The editor's view, through a real C# language server (csharp-ls, a dotnet tool of this
    /// repository) driven over LSP on a project that takes the packed package: the diagnostics the
    /// build reports for a file, with their ranges and messages, and their disappearance after an edit.
    /// </summary>
    [Collection(CommandLineCollection.Name)]
    public class LanguageServerTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

        private readonly PackedPackage _package;

        public LanguageServerTests(PackedPackage package) => _package = package;

        [SkippableFact]
        public async Task Server_reports_the_builds_EML_diagnostics_and_clears_them_after_a_fix()
        {
            await SystemPrograms.RequireDotnetToolsAsync();
            var project = _package.CreateConsumer("lsp", ConsumerPrograms.Unseeded);

            var program = Path.Combine(project, "Program.cs");
            var build = await DotNet.RunAsync(project, Timeout, "build", "-nodeReuse:false");
            Assert.True(build.ExitCode == 0, "build failed: " + build);
            Assert.Contains("Program.cs(9,25): warning EML5001: MLContext created without a seed is used for 'ShuffleRows'; results change from run to run", build.Output);

            using var server = await LanguageServer.StartAsync(project);
            var uri = new Uri(program).AbsoluteUri;
            server.Notify("textDocument/didOpen", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = ConsumerPrograms.Unseeded },
            });

            // The server loads the project in the background: pull until the analyzers have run.
            var diagnostic = await server.PullUntilAsync(uri, items => items.FirstOrDefault(d => (string?)d?["code"] == "EML5001"));
            Assert.NotNull(diagnostic);
            Assert.Equal("MLContext created without a seed is used for 'ShuffleRows'; results change from run to run", (string?)diagnostic!["message"]);
            Assert.Equal(8, (int)diagnostic["range"]!["start"]!["line"]!);
            Assert.Equal(24, (int)diagnostic["range"]!["start"]!["character"]!);
            Assert.Equal("https://github.com/effective-ml/EffectiveML/blob/main/rules.md#eml5001-mlcontext-created-without-a-seed", (string?)diagnostic["codeDescription"]?["href"]);

            server.Notify("textDocument/didChange", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
                ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = ConsumerPrograms.Unseeded.Replace("new MLContext()", "new MLContext(seed: 7)", StringComparison.Ordinal) }),
            });
            var cleared = await server.PullUntilAsync(uri, items => items.Any(d => ((string?)d?["code"])?.StartsWith("EML", StringComparison.Ordinal) == true) ? null : new JsonObject());
            Assert.NotNull(cleared);
        }

        /// <summary>A minimal LSP client over the server's standard streams.</summary>
        private sealed class LanguageServer : IDisposable
        {
            private static readonly JsonObject Settings = new() { ["csharp"] = new JsonObject { ["analyzersEnabled"] = true } };

            private readonly Process _process;
            private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
            private readonly object _writeLock = new();
            private int _nextId;

            private LanguageServer(Process process)
            {
                _process = process;
                _ = Task.Run(ReadLoop);
            }

            public static async Task<LanguageServer> StartAsync(string root)
            {
                var start = new ProcessStartInfo("dotnet")
                {
                    WorkingDirectory = Repository.Root,
                    RedirectStandardInput = true,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                foreach (var argument in new[] { "tool", "run", "csharp-ls" })
                {
                    start.ArgumentList.Add(argument);
                }

                DotNet.CleanEnvironment(start.Environment);
                var server = new LanguageServer(Process.Start(start)!);
                server._process.ErrorDataReceived += (_, _) => { };
                server._process.BeginErrorReadLine();

                var rootUri = new Uri(root + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/');
                await server.RequestAsync("initialize", new JsonObject
                {
                    ["processId"] = Environment.ProcessId,
                    ["rootUri"] = rootUri,
                    ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = rootUri, ["name"] = "consumer" }),
                    ["initializationOptions"] = Settings.DeepClone(),
                    ["capabilities"] = new JsonObject
                    {
                        ["workspace"] = new JsonObject { ["configuration"] = true },
                        ["textDocument"] = new JsonObject { ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false } },
                    },
                });
                server.Notify("initialized", new JsonObject());
                server.Notify("workspace/didChangeConfiguration", new JsonObject { ["settings"] = Settings.DeepClone() });
                return server;
            }

            public async Task<JsonNode?> PullUntilAsync(string uri, Func<JsonArray, JsonNode?> found)
            {
                var deadline = DateTime.UtcNow + Timeout;
                while (DateTime.UtcNow < deadline)
                {
                    var report = await RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
                    if (report?["items"] is JsonArray items && found(items) is { } result)
                    {
                        return result;
                    }

                    await Task.Delay(TimeSpan.FromSeconds(1));
                }

                return null;
            }

            public async Task<JsonNode?> RequestAsync(string method, JsonObject parameters)
            {
                var id = Interlocked.Increment(ref _nextId);
                var response = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
                _pending[id] = response;
                Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
                return await response.Task.WaitAsync(Timeout);
            }

            public void Notify(string method, JsonObject parameters) =>
                Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

            public void Dispose()
            {
                try
                {
                    _process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }

                _process.Dispose();
            }

            private void Send(JsonNode message)
            {
                var body = Encoding.UTF8.GetBytes(message.ToJsonString());
                var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
                lock (_writeLock)
                {
                    var stream = _process.StandardInput.BaseStream;
                    stream.Write(header);
                    stream.Write(body);
                    stream.Flush();
                }
            }

            private async Task ReadLoop()
            {
                var stream = _process.StandardOutput.BaseStream;
                while (true)
                {
                    var length = await ReadHeaderAsync(stream);
                    if (length < 0)
                    {
                        return;
                    }

                    var body = new byte[length];
                    var read = 0;
                    while (read < length)
                    {
                        var count = await stream.ReadAsync(body.AsMemory(read, length - read));
                        if (count == 0)
                        {
                            return;
                        }

                        read += count;
                    }

                    var message = JsonNode.Parse(body)!;
                    if (message["method"] is { } method && message["id"] is { } requestId)
                    {
                        // A request from the server: settings for workspace/configuration, null otherwise.
                        JsonNode? result = (string?)method == "workspace/configuration"
                            ? new JsonArray(((JsonArray)message["params"]!["items"]!).Select(_ => (JsonNode?)Settings["csharp"]!.DeepClone()).ToArray())
                            : null;
                        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = requestId.DeepClone(), ["result"] = result });
                    }
                    else if (message["id"] is { } responseId && _pending.TryRemove((int)responseId, out var pending))
                    {
                        pending.TrySetResult(message["result"]);
                    }
                }
            }

            private static async Task<int> ReadHeaderAsync(Stream stream)
            {
                var line = new StringBuilder();
                var length = -1;
                var one = new byte[1];
                while (true)
                {
                    if (await stream.ReadAsync(one) == 0)
                    {
                        return -1;
                    }

                    if (one[0] != '\n')
                    {
                        if (one[0] != '\r')
                        {
                            line.Append((char)one[0]);
                        }

                        continue;
                    }

                    if (line.Length == 0)
                    {
                        return length;
                    }

                    var text = line.ToString();
                    if (text.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    {
                        length = int.Parse(text.Substring("Content-Length:".Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
                    }

                    line.Clear();
                }
            }
        }
    }
}
