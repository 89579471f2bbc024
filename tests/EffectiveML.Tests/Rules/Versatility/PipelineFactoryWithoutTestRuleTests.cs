using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EffectiveML.Analyzers.Rules.Versatility;
using EffectiveML.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace EffectiveML.Tests.Rules.Versatility
{
    /// <summary>
    /// EML3002 across two compilations, the way a solution builds: the production project (with the
    /// manifest generator) compiled to an assembly, and a test project that references it.
    /// </summary>
    public class PipelineFactoryWithoutTestRuleTests
    {
        private const string Production = """
            using Microsoft.ML;
            using Microsoft.ML.Data;

            namespace Churn
            {
                public static class Pipelines
                {
                    public static IEstimator<ITransformer> Baseline(MLContext mlContext) =>
                        mlContext.Transforms.Concatenate("Features", "Tenure", "Charges")
                            .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                            .Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression());

                    public static EstimatorChain<ITransformer> Boosted(MLContext mlContext, int trees)
                    {
                        var features = mlContext.Transforms.Concatenate("Features", "Tenure", "Charges");
                        return features.Append<ITransformer>(mlContext.BinaryClassification.Trainers.FastTree(numberOfTrees: trees));
                    }

                    // Preparation only: no trainer, not a pipeline factory.
                    public static IEstimator<ITransformer> Features(MLContext mlContext) =>
                        mlContext.Transforms.Concatenate("Features", "Tenure", "Charges");

                    private static IEstimator<ITransformer> Hidden(MLContext mlContext) =>
                        mlContext.Transforms.Concatenate("Features", "Tenure").Append(mlContext.Regression.Trainers.Sdca());
                }
            }
            """;

        [Fact]
        public void The_generator_lists_the_factories_that_build_a_trainer()
        {
            var (_, generated) = CompileProduction(Production);

            Assert.Contains("\"EffectiveML.PipelineFactory\", \"M:Churn.Pipelines.Baseline(Microsoft.ML.MLContext)\"", generated);
            Assert.Contains("\"EffectiveML.PipelineFactory\", \"M:Churn.Pipelines.Boosted(Microsoft.ML.MLContext,System.Int32)\"", generated);
            Assert.DoesNotContain("Features(", generated);
            Assert.DoesNotContain("Hidden", generated);
        }

        [Fact]
        public void The_generator_reads_a_trainer_catalog_through_fields_and_properties_and_binds_what_it_cannot_read()
        {
            var (_, generated) = CompileProduction("""
                using Microsoft.ML;

                namespace Churn
                {
                    public sealed class Factories
                    {
                        private readonly MLContext _ml = new MLContext(seed: 1);

                        private RegressionCatalog Regression => _ml.Regression;

                        public IEstimator<ITransformer> FromField() =>
                            _ml.Transforms.Concatenate("Features", "A", "B").Append(_ml.Regression.Trainers.Sdca());

                        public IEstimator<ITransformer> FromProperty() =>
                            this.Regression.Trainers.FastTree();

                        // A local is not a member path: the bound body decides.
                        public IEstimator<ITransformer> FromLocal()
                        {
                            var ml = _ml;
                            return ml.Regression.Trainers.Sdca();
                        }

                        // Transforms only, no trainers catalog: preparation, not a factory.
                        public IEstimator<ITransformer> Prepared() =>
                            _ml.Transforms.Concatenate("Features", "A").Append(_ml.Transforms.NormalizeMinMax("Features"));
                    }
                }
                """);

            Assert.Contains("M:Churn.Factories.FromField", generated);
            Assert.Contains("M:Churn.Factories.FromProperty", generated);
            Assert.Contains("M:Churn.Factories.FromLocal", generated);
            Assert.DoesNotContain("Prepared", generated);
        }

        [Fact]
        public void The_generator_adds_nothing_to_a_project_without_factories()
        {
            var (_, generated) = CompileProduction("""
                using Microsoft.ML;

                public static class Scoring
                {
                    public static ITransformer Load(MLContext mlContext, string path) => mlContext.Model.Load(path, out _);
                }
                """);

            Assert.Equal(string.Empty, generated);
        }

        [Fact]
        public void The_generator_reads_no_syntax_in_a_project_without_ML_references()
        {
            const string ordinary = """
                public static class Orders
                {
                    // Named like a factory, but nothing here can reference ML.NET.
                    public static IEstimator<int> Baseline() => null;
                }

                public interface IEstimator<T> { }
                """;

            var withoutML = RunTracked(ordinary, TestReferences.Framework);
            Assert.Empty(withoutML.Steps(PipelineFactoryManifestGenerator.TreesStep).SelectMany(s => s.Outputs));
            Assert.Empty(withoutML.Steps(PipelineFactoryManifestGenerator.CandidatesStep));
            Assert.Empty(withoutML.Result.GeneratedSources);

            var withML = RunTracked(Production, TestReferences.MLProject);
            Assert.Single(withML.Steps(PipelineFactoryManifestGenerator.TreesStep).SelectMany(s => s.Outputs));
            // The four methods of Production that return an estimator type reach the semantic check.
            var candidates = Assert.Single(withML.Steps(PipelineFactoryManifestGenerator.CandidatesStep).SelectMany(s => s.Outputs));
            Assert.Equal(4, ((ImmutableArray<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>)candidates.Value).Length);
            Assert.Single(withML.Result.GeneratedSources);
        }

        [Fact]
        public async Task Flags_the_factory_no_test_calls()
        {
            var diagnostics = await AnalyzeTestProject("""
                using Microsoft.ML;
                using Xunit;

                public class PipelineTests
                {
                    [Fact]
                    public void Baseline_builds()
                    {
                        Assert.NotNull(Churn.Pipelines.Baseline(new MLContext(seed: 1)));
                    }
                }
                """);

            var diagnostic = Assert.Single(diagnostics);
            Assert.Equal("EML3002", diagnostic.Id);
            Assert.Equal(Location.None, diagnostic.Location);
            Assert.Equal(
                "Pipeline factory 'Churn.Pipelines.Boosted(Microsoft.ML.MLContext, int)' builds a pipeline with a trainer, and no test in this project calls it",
                diagnostic.GetMessage());
        }

        [Fact]
        public async Task Quiet_when_every_factory_is_called_or_the_project_is_not_a_test_project()
        {
            const string tests = """
                using System;
                using Microsoft.ML;
                using Xunit;

                public class PipelineTests
                {
                    [Theory]
                    [InlineData(10)]
                    public void Pipelines_build(int trees)
                    {
                        var mlContext = new MLContext(seed: 1);
                        Func<MLContext, IEstimator<ITransformer>> factory = Churn.Pipelines.Baseline;
                        Assert.NotNull(factory(mlContext));
                        Assert.NotNull(Churn.Pipelines.Boosted(mlContext, trees));
                    }
                }
                """;

            Assert.Empty(await AnalyzeTestProject(tests));

            const string notATestProject = """
                public static class Tool
                {
                    public static object Run() => Churn.Pipelines.Baseline(new Microsoft.ML.MLContext(seed: 1));
                }
                """;

            Assert.Empty(await AnalyzeTestProject(notATestProject, withTestFramework: false));
        }

        private static TrackedRun RunTracked(string source, ImmutableArray<MetadataReference> references)
        {
            var compilation = CSharpCompilation.Create(
                "Project",
                new[] { CSharpSyntaxTree.ParseText(source) },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var driver = CSharpGeneratorDriver.Create(
                    new[] { new PipelineFactoryManifestGenerator().AsSourceGenerator() },
                    driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true))
                .RunGenerators(compilation);
            return new TrackedRun(driver.GetRunResult().Results.Single());
        }

        private sealed record TrackedRun(GeneratorRunResult Result)
        {
            public ImmutableArray<IncrementalGeneratorRunStep> Steps(string name) =>
                Result.TrackedSteps.TryGetValue(name, out var steps) ? steps : ImmutableArray<IncrementalGeneratorRunStep>.Empty;
        }

        private static (Compilation Compilation, string Generated) CompileProduction(string source)
        {
            var compilation = CSharpCompilation.Create(
                "Churn",
                new[] { CSharpSyntaxTree.ParseText(source) },
                TestReferences.MLProject,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var driver = CSharpGeneratorDriver.Create(new PipelineFactoryManifestGenerator())
                .RunGeneratorsAndUpdateCompilation(compilation, out var updated, out var generatorDiagnostics);
            Assert.Empty(generatorDiagnostics);
            Assert.Empty(updated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            var generated = string.Concat(driver.GetRunResult().GeneratedTrees.Select(t => t.ToString()));
            return (updated, generated);
        }

        private static async Task<ImmutableArray<Diagnostic>> AnalyzeTestProject(string source, bool withTestFramework = true)
        {
            var (production, _) = CompileProduction(Production);
            using var image = new MemoryStream();
            Assert.True(production.Emit(image).Success);

            var references = TestReferences.MLProject.Add(MetadataReference.CreateFromImage(image.ToArray()));
            if (withTestFramework)
            {
                references = references.AddRange(TestReferences.Xunit);
            }

            var tests = CSharpCompilation.Create(
                "Churn.Tests",
                new[] { CSharpSyntaxTree.ParseText(source) },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(tests.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            return await tests
                .WithAnalyzers(ImmutableArray.Create(SuiteCatalog.Hosting(new PipelineFactoryWithoutTestRule())))
                .GetAnalyzerDiagnosticsAsync();
        }
    }
}
