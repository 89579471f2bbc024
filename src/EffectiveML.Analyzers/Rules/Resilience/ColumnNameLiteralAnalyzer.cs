using System;
using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Resilience
{
    /// <summary>
    /// EML8001: a string literal passed as a column name to ML.NET that spells the name of a member
    /// (without <c>[ColumnName]</c>) of a schema class in view in the same member.
    /// </summary>
    public sealed class ColumnNameLiteralAnalyzer : EffectiveMLAnalyzer
    {
        /// <summary>The documentation ID of the schema member the fix names.</summary>
        public const string MemberProperty = "SchemaMember";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.ColumnNameLiteral);

        internal override void InitializeCompilation(CompilationStartAnalysisContext context, KnownSymbols symbols)
        {
            var models = symbols.Models;
            models.RegisterMemberAction(context, (member, model) =>
            {
                // A literal is reported only when a schema class in view has a member of its name.
                if (model.SchemaTypes.Count == 0)
                {
                    return;
                }

                var calls = model.MLInvocations;
                for (var i = 0; i < calls.Count; i++)
                {
                    CheckArguments(member, model, calls[i].Arguments);
                }

                var creations = model.ObjectCreations;
                for (var i = 0; i < creations.Count; i++)
                {
                    if (MLApi.Is(creations[i].Type, symbols.Api.InputOutputColumnPair))
                    {
                        CheckArguments(member, model, creations[i].Arguments);
                    }
                }
            });
        }

        private static void CheckArguments(OperationBlockAnalysisContext member, MemberModel model, ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is not { } parameter || !IsColumnParameter(parameter))
                {
                    continue;
                }

                if (argument.ArgumentKind == ArgumentKind.ParamArray || parameter.Type is IArrayTypeSymbol)
                {
                    if (ValueTracker.Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } initializer })
                    {
                        foreach (var element in initializer.ElementValues)
                        {
                            Check(member, model, element);
                        }
                    }
                }
                else
                {
                    Check(member, model, argument.Value);
                }
            }
        }

        private static void Check(OperationBlockAnalysisContext member, MemberModel model, IOperation value)
        {
            if (ValueTracker.Unwrap(value) is not ILiteralOperation { ConstantValue: { HasValue: true, Value: string literal } } written)
            {
                return;
            }

            if (model.SchemaMemberNamed(literal) is { } schemaMember)
            {
                var name = schemaMember.ContainingType.Name + "." + schemaMember.Name;
                member.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.ColumnNameLiteral,
                    written.Syntax.GetLocation(),
                    ImmutableDictionary<string, string?>.Empty.Add(MemberProperty, schemaMember.GetDocumentationCommentId()),
                    literal,
                    name));
            }
        }

        /// <summary>Parameters that take column names: <c>outputColumnName</c>, <c>labelColumnName</c>, <c>inputColumnNames</c> …</summary>
        private static bool IsColumnParameter(IParameterSymbol parameter) =>
            parameter.Name.EndsWith("ColumnName", StringComparison.Ordinal) || parameter.Name.EndsWith("ColumnNames", StringComparison.Ordinal);
    }
}
