using System.Linq;
using EffectiveML.Analyzers.Model;
using EffectiveML.Analyzers.Model.Provenance;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace EffectiveML.Tests.Model
{
    public class ProvenanceModelTests
    {
        private const string Source = """
            using Microsoft.ML;
            using Microsoft.ML.Data;

            public static class Training
            {
                public static void Train(MLContext ml, IDataView external)
                {
                    var options = new TextLoader.Options { Separators = new[] { ';' }, HasHeader = true, MissingRealsAsNaNs = true };
                    var loader = ml.Data.CreateTextLoader<Row>(options);
                    var data = loader.Load("rows.csv");
                    var shuffled = ml.Data.ShuffleRows(data, seed: 1);
                    var split = ml.Data.TrainTestSplit(shuffled, testFraction: 0.2, seed: 1);
                    var model = ml.Transforms.NormalizeMinMax("Value").Fit(split.TrainSet);
                    var scoredTest = model.Transform(split.TestSet);
                    var scoredExternal = model.Transform(external);
                }
            }

            public class Row
            {
                [LoadColumn(0)] public float Value { get; set; }
            }
            """;

        [Fact]
        public void Follows_data_from_the_loader_through_selection_split_fit_and_transform()
        {
            var model = ModelTestCompilation.MemberModelOf(Source, "Train");
            var fit = model.Sites.Fits.Single();
            Assert.Equal(DataKind.TrainSide, fit.Data.Kind);

            var kinds = fit.Data.RowAncestorsOrSelf().Select(n => n.Kind).ToArray();
            Assert.Equal(new[] { DataKind.TrainSide, DataKind.Rows, DataKind.Loaded }, kinds);

            var loaded = fit.Data.Loads()!.Single();
            Assert.Equal("CreateTextLoader", loaded.Loading!.Call.TargetMethod.Name);
            Assert.Equal(SettingState.Given, loaded.Loading.HasHeader.State);
            Assert.Equal(SettingState.Given, loaded.Loading.MissingRealsAsNaNs.State);
            Assert.True(loaded.Loading.UsesOptions);

            Assert.Equal(DataKind.Loaded, model.Sites.Splits.Single().Data.RowAncestorsOrSelf().Last().Kind);
        }

        [Fact]
        public void Knows_which_data_share_rows_and_leaves_parameters_unknown()
        {
            var model = ModelTestCompilation.MemberModelOf(Source, "Train");
            var fit = model.Sites.Fits.Single();
            var trainSide = fit.Data;
            var split = model.Sites.Splits.Single();

            Assert.True(DataNode.IsAncestorOrSelf(split.Data, trainSide));
            Assert.False(DataNode.IsAncestorOrSelf(trainSide, split.Data));

            var transforms = ValueTracker.MemberRoot(fit.Call).Descendants()
                .OfType<IInvocationOperation>()
                .Where(i => i.TargetMethod.Name == "Transform")
                .Select(i => model.Provenance.DataOf(i))
                .ToList();
            Assert.Equal(2, transforms.Count);
            Assert.All(transforms, t => Assert.Equal(DataKind.Transformed, t.Kind));
            Assert.All(transforms, t => Assert.True(t.Model!.SameAs(model.Provenance.ModelOf(fit.Call))));

            var scoredTest = transforms[0].Source!;
            Assert.Equal(DataKind.TestSide, scoredTest.Kind);
            Assert.False(DataNode.ShareRows(scoredTest, trainSide));

            var scoredExternal = transforms[1].Source!;
            Assert.Equal(DataKind.Unknown, scoredExternal.Kind);
            Assert.Equal("external", scoredExternal.StableSymbol!.Name);
            Assert.False(DataNode.ShareRows(scoredExternal, trainSide));
        }
    }
}
