using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Impact
{
    /// <summary>
    /// EML2005 (compilation end): the project trains models (a <c>Fit</c> of a chain with a trainer
    /// in view, outside test methods) and no member saves, exports, returns, stores or serves a
    /// model, or hands one to code out of view. Reported once, at the first training call, with the
    /// number of places that train. Fitting featurizers or calibrators is data preparation.
    /// </summary>
    public sealed class ModelNeverLeavesRule : Rule
    {
        public const string Id = "EML2005";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Trained models never leave the project",
            "This project trains models in {0}, but no model is saved, exported, returned, stored or used to serve predictions; there is no path to production",
            DiagnosticSeverity.Info,
            "Impact comes from a model that runs online. A project that trains, scores and drops every model it trains has no way to production: the training has to be repeated, and what serves may not be what was measured. Plan the model's way out (save it, return it, hand it to serving) from the first version.",
            compilationEnd: true,
            inRecommended: false);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var api = registry.Symbols.Api;
            var compilation = registry.Compilation;
            var enginePool = compilation.GetTypeByMetadataName("Microsoft.Extensions.ML.PredictionEnginePool`2");
            // The syntax, not the operation: kept to the compilation's end, an operation would keep its member's whole tree.
            var trainingFits = new ConcurrentQueue<SyntaxNode>();
            // Once any model leaves, the compilation has nothing to report: the rest of its members need not be read.
            var modelLeaves = 0;

            registry.OnMember((member, model) =>
            {
                if (System.Threading.Volatile.Read(ref modelLeaves) != 0)
                {
                    return;
                }

                if (LetsAModelLeave(model, api, compilation, enginePool))
                {
                    System.Threading.Volatile.Write(ref modelLeaves, 1);
                    return;
                }

                if (TestFrameworks.IsTestMethod(member.OwningSymbol))
                {
                    return;
                }

                var calls = model.MLInvocations;
                for (var i = 0; i < calls.Count; i++)
                {
                    if (model.Api.IsFit(calls[i].TargetMethod) && model.Sites.IsTrainingFit(calls[i]))
                    {
                        trainingFits.Enqueue(calls[i].Syntax);
                    }
                }
            });

            registry.OnCompilationEnd(end =>
            {
                if (System.Threading.Volatile.Read(ref modelLeaves) != 0 || trainingFits.IsEmpty)
                {
                    return;
                }

                var fits = trainingFits
                    .OrderBy(fit => fit.SyntaxTree.FilePath, StringComparer.Ordinal)
                    .ThenBy(fit => fit.SpanStart)
                    .ToList();
                var places = fits.Count == 1 ? "1 place" : fits.Count + " places";
                end.ReportDiagnostic(Diagnostic.Create(Descriptor, Describe.CallLocation(fits[0]), places));
            });
        }

        /// <summary>
        /// A model goes somewhere from this member: saved or exported, turned into a prediction
        /// engine or served from a <c>PredictionEnginePool</c>, returned, stored in a field or
        /// property, or handed to a method out of view.
        /// </summary>
        private static bool LetsAModelLeave(MemberModel model, MLApi api, Compilation compilation, INamedTypeSymbol? enginePool)
        {
            var mlCalls = model.MLInvocations;
            for (var i = 0; i < mlCalls.Count; i++)
            {
                var method = mlCalls[i].TargetMethod;
                if (api.IsModelExport(method)
                    || api.IsModelOperation(method, "CreatePredictionEngine")
                    || method.Name == "CreateTimeSeriesEngine")
                {
                    return true;
                }
            }

            if (enginePool is not null)
            {
                var calls = model.Invocations;
                for (var i = 0; i < calls.Count; i++)
                {
                    if (SymbolEqualityComparer.Default.Equals(calls[i].TargetMethod.ContainingType?.OriginalDefinition, enginePool))
                    {
                        return true;
                    }
                }
            }

            var returns = model.MLReturns;
            for (var i = 0; i < returns.Count; i++)
            {
                if (api.IsTransformer(returns[i].ReturnedValue?.Type))
                {
                    return true;
                }
            }

            var assignments = model.MLMemberAssignments;
            for (var i = 0; i < assignments.Count; i++)
            {
                if (api.IsTransformer(assignments[i].Target.Type))
                {
                    return true;
                }
            }

            switch (model.Root)
            {
                case IFieldInitializerOperation fields when fields.InitializedFields.Any(field => api.IsTransformer(field.Type)):
                case IPropertyInitializerOperation properties when properties.InitializedProperties.Any(property => api.IsTransformer(property.Type)):
                    return true;
            }

            return HandsAModelOutOfView(model, api, compilation);
        }

        /// <summary>
        /// A model passed to a method neither this project nor ML.NET declares (a model registry's
        /// client, say), or to a call that does not bind (a package the editor has not restored, such
        /// as the ONNX exporter): where it goes is not in view, so it may well go to production.
        /// </summary>
        private static bool HandsAModelOutOfView(MemberModel model, MLApi api, Compilation compilation)
        {
            var locals = model.LocalReferences;
            for (var i = 0; i < locals.Count; i++)
            {
                if (locals[i].Parent is IInvalidOperation && api.IsTransformer(locals[i].Local.Type))
                {
                    return true;
                }
            }

            var calls = model.Invocations;
            for (var i = 0; i < calls.Count; i++)
            {
                var method = calls[i].TargetMethod;
                if (model.Symbols.IsMLSymbol(method) || SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly))
                {
                    continue;
                }

                foreach (var argument in calls[i].Arguments)
                {
                    if (argument.ArgumentKind != ArgumentKind.DefaultValue && api.IsTransformer(ValueTracker.Unwrap(argument.Value).Type))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
