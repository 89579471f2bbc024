using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using EffectiveML.Analyzers.Model.Provenance;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Impact
{
    /// <summary>
    /// EML2004: <c>Model.Save(model, null, path)</c> (or <c>default</c>). When the model was fitted
    /// in view on data that is still in scope at the save, the fix passes that data's schema.
    /// </summary>
    public sealed class ModelSavedWithoutSchemaRule : Rule
    {
        /// <summary>The expression, as written, of the data the model was fitted on.</summary>
        public const string TrainingDataProperty = "TrainingData";

        public const string Id = "EML2004";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Model saved without its input schema",
            "The model is saved with no input schema; loading it cannot check the input columns",
            DiagnosticSeverity.Warning,
            "Model.Save stores the input schema it is given so that the loaded model can be validated against, and bound to, its input. Without it, a serving application finds a missing or renamed column only when a prediction fails.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        private static readonly string[] SaveCalls = { "Save" };

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            registry.OnCalls(SaveCalls, (member, model, call) =>
            {
                if (!symbols.Api.IsModelOperation(call.TargetMethod, "Save")
                    || ValueReader.Argument(call, "inputSchema") is not { } schema)
                {
                    return;
                }

                if (!ValueReader.RuntimeNull(schema.Value, model.Values))
                {
                    return;
                }

                var properties = ImmutableDictionary<string, string?>.Empty;
                if (ValueReader.Argument(call, "model") is { } saved
                    && model.Provenance.ModelOf(saved.Value) is { Kind: ModelKind.Fitted, Anchor: IInvocationOperation fit }
                    && ValueReader.Argument(fit, "input") is { } data
                    && InScopeAt(data.Value, call))
                {
                    properties = properties.Add(TrainingDataProperty, data.Value.Syntax.ToString());
                }

                member.ReportDiagnostic(Diagnostic.Create(
                    Descriptor, Describe.CallLocation(call.Syntax), properties));
            });
        }

        /// <summary>
        /// The data expression can be written again at the save: a parameter, or a local (or a
        /// member of one) whose declaring block also contains the save.
        /// </summary>
        private static bool InScopeAt(IOperation data, IOperation save)
        {
            var root = ValueTracker.Unwrap(data);
            while (root is IMemberReferenceOperation { Instance: { } instance } && root is IPropertyReferenceOperation or IFieldReferenceOperation)
            {
                root = ValueTracker.Unwrap(instance);
            }

            return root switch
            {
                IParameterReferenceOperation => true,
                ILocalReferenceOperation local => local.Local.DeclaringSyntaxReferences.Length == 1
                    && local.Local.DeclaringSyntaxReferences[0].GetSyntax().FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.BlockSyntax>() is { } block
                    && block.Span.Contains(save.Syntax.Span),
                _ => false,
            };
        }
    }
}
