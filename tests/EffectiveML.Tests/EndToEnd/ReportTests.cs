using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EffectiveML.Report;
using EffectiveML.Tests.Infrastructure;
using Xunit;

namespace EffectiveML.Tests.EndToEnd
{
    /// <summary>The report on AntiPatterns' SARIF log: the text summary, and the HTML page as headless Chromium renders it.</summary>
    [Collection(CommandLineCollection.Name)]
    public class ReportTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

        [SkippableFact]
        public async Task Report_summarizes_AntiPatterns_and_its_HTML_renders_every_principle()
        {
            var chromium = await SystemPrograms.RequireChromiumAsync();
            var directory = DotNet.NewTempDirectory("report");
            var sarif = Path.Combine(directory, "effective-ml.sarif");
            var build = await DotNet.RunAsync(
                Repository.Root,
                Timeout,
                "build", Repository.PathOf("samples", "AntiPatterns", "AntiPatterns.csproj"), "--no-incremental", "-nodeReuse:false",
                "-p:ErrorLog=" + sarif + "%2Cversion=2.1");
            Assert.True(build.ExitCode == 0, "build failed: " + build);

            var html = Path.Combine(directory, "report.html");
            using var output = new StringWriter();
            Assert.Equal(0, Program.Run(new[] { sarif, "--html", html }, output, TextWriter.Null));
            var summary = output.ToString();

            Assert.Matches(@"^EffectiveML: \d+ findings of \d+ rules", summary);
            foreach (var principle in SarifFindings.Principles)
            {
                Assert.Matches($@"(?m)^{principle}: \d+", summary);
            }

            Assert.Contains("EML4007 Label used as a feature: 1  https://github.com/effective-ml/EffectiveML/blob/main/rules.md#eml4007-label-used-as-a-feature", summary);
            Assert.Matches(@"(?m)^Top files:\r?\n\s+\d+\s+\S+\.cs", summary);

            var dom = await SystemPrograms.RenderedDomAsync(chromium, html);
            Assert.Contains("<svg id=\"principles-chart\"", dom);
            foreach (var principle in SarifFindings.Principles)
            {
                Assert.Matches($"<h2 id=\"{principle.ToLowerInvariant()}\">{principle} \\(\\d+\\)</h2>", dom);
            }
        }
    }
}
