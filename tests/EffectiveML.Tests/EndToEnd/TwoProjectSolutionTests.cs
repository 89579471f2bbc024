using System;
using System.IO;
using System.Threading.Tasks;
using EffectiveML.Tests.Infrastructure;
using Xunit;

namespace EffectiveML.Tests.EndToEnd
{
    /// <summary>
    /// EML3002 the way a user's solution builds: a production library with two pipeline factories
    /// and an xUnit project that tests one of them, both taking the packed package, built by
    /// <c>dotnet build</c> of the solution.
    /// </summary>
    [Collection(CommandLineCollection.Name)]
    public class TwoProjectSolutionTests
    {
        private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

        private readonly PackedPackage _package;

        public TwoProjectSolutionTests(PackedPackage package) => _package = package;

        [Fact]
        public async Task Solution_build_reports_the_untested_factory_only()
        {
            var root = DotNet.NewTempDirectory("solution");
            _package.WriteNuGetConfig(root);

            Write(root, "Churn/Churn.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.ML" Version="6.0.0" />
                    <PackageReference Include="Microsoft.ML.FastTree" Version="6.0.0" />
                    <PackageReference Include="EffectiveML.Analyzers" Version="{_package.Version}" />
                  </ItemGroup>
                </Project>
                """);
            Write(root, "Churn/Pipelines.cs", """
                using Microsoft.ML;

                namespace Churn;

                public static class Pipelines
                {
                    public static IEstimator<ITransformer> Baseline(MLContext mlContext) =>
                        mlContext.Transforms.Concatenate("Features", "Tenure", "Charges")
                            .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                            .Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression());

                    public static IEstimator<ITransformer> Boosted(MLContext mlContext) =>
                        mlContext.Transforms.Concatenate("Features", "Tenure", "Charges")
                            .Append(mlContext.BinaryClassification.Trainers.FastTree());
                }
                """);

            Write(root, "Churn.Tests/Churn.Tests.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <IsPackable>false</IsPackable>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                    <PackageReference Include="xunit" Version="2.9.3" />
                    <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" PrivateAssets="all" />
                    <PackageReference Include="EffectiveML.Analyzers" Version="{_package.Version}" />
                  </ItemGroup>
                  <ItemGroup>
                    <ProjectReference Include="../Churn/Churn.csproj" />
                  </ItemGroup>
                </Project>
                """);
            Write(root, "Churn.Tests/PipelineTests.cs", """
                using Microsoft.ML;
                using Xunit;

                namespace Churn.Tests;

                public class PipelineTests
                {
                    [Fact]
                    public void Baseline_names_its_columns()
                    {
                        Assert.NotNull(Pipelines.Baseline(new MLContext(seed: 1)));
                    }
                }
                """);

            var solution = await DotNet.RunAsync(root, BuildTimeout, "new", "sln", "--name", "Churn", "--format", "slnx");
            Assert.True(solution.ExitCode == 0, "dotnet new sln failed: " + solution);
            var add = await DotNet.RunAsync(root, BuildTimeout, "sln", "Churn.slnx", "add", "Churn/Churn.csproj", "Churn.Tests/Churn.Tests.csproj");
            Assert.True(add.ExitCode == 0, "dotnet sln add failed: " + add);

            var build = await DotNet.RunAsync(root, BuildTimeout, "build", "Churn.slnx", "--no-incremental", "-nodeReuse:false");
            Assert.True(build.ExitCode == 0, "build failed: " + build);
            Assert.Contains("warning EML3002: Pipeline factory 'Churn.Pipelines.Boosted(Microsoft.ML.MLContext)'", build.Output);
            Assert.DoesNotContain("Pipeline factory 'Churn.Pipelines.Baseline", build.Output);
            Assert.Contains("Churn.Tests.csproj", Line(build.Output, "warning EML3002"));
        }

        private static void Write(string root, string relativePath, string content)
        {
            var path = Path.Combine(root, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }

        private static string Line(string output, string containing)
        {
            foreach (var line in output.Split('\n'))
            {
                if (line.Contains(containing, StringComparison.Ordinal))
                {
                    return line;
                }
            }

            return string.Empty;
        }
    }
}
