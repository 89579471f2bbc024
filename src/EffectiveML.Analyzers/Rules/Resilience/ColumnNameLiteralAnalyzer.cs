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
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ColumnNameLiteralAnalyzer : EffectiveMLAnalyzer
    {
        /// <summary>The documentation ID of the schema member the fix names.</summary>
        public const string MemberProperty = "SchemaMember";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.ColumnNameLiteral);

        internal override void InitializeCompilation(CompilationStartAnalysisContext context, KnownSymbols symbols)
        {
            var models = MemberModels.For(context, symbols);
            context.RegisterOperationAction(operation =>
            {
                var arguments = operation.Operation switch
                {
                    IInvocationOperation call when symbols.IsMLSymbol(call.TargetMethod) => call.Arguments,
                    IObjectCreationOperation creation when MLApi.Is(creation.Type, symbols.Api.InputOutputColumnPair) => creation.Arguments,
                    _ => ImmutableArray<IArgumentOperation>.Empty,
                };

                MemberModel? model = null;
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
                                Check(element, ref model);
                            }
                        }
                    }
                    else
                    {
                        Check(argument.Value, ref model);
                    }
                }

                void Check(IOperation value, ref MemberModel? memberModel)
                {
                    if (ValueTracker.Unwrap(value) is not ILiteralOperation { ConstantValue: { HasValue: true, Value: string literal } } written)
                    {
                        return;
                    }

                    memberModel ??= models.Of(operation.Operation);
                    if (SchemaMember(literal, memberModel) is { } member)
                    {
                        var name = member.ContainingType.Name + "." + member.Name;
                        operation.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.ColumnNameLiteral,
                            written.Syntax.GetLocation(),
                            ImmutableDictionary<string, string?>.Empty.Add(MemberProperty, member.GetDocumentationCommentId()),
                            literal,
                            name));
                    }
                }
            }, OperationKind.Invocation, OperationKind.ObjectCreation);
        }

        /// <summary>Parameters that take column names: <c>outputColumnName</c>, <c>labelColumnName</c>, <c>inputColumnNames</c> …</summary>
        private static bool IsColumnParameter(IParameterSymbol parameter) =>
            parameter.Name.EndsWith("ColumnName", StringComparison.Ordinal) || parameter.Name.EndsWith("ColumnNames", StringComparison.Ordinal);

        /// <summary>
        /// The schema member the literal names; null when none does, or when some member declares
        /// that column with <c>[ColumnName]</c> (the literal is then the column's real name).
        /// </summary>
        private static ISymbol? SchemaMember(string literal, MemberModel model)
        {
            ISymbol? match = null;
            foreach (var schema in model.SchemaTypes)
            {
                foreach (var member in schema.GetMembers())
                {
                    if (!SchemaColumns.IsColumnMember(member))
                    {
                        continue;
                    }

                    var attribute = SchemaColumns.ColumnNameAttribute(member, model.Api);
                    if (attribute == literal)
                    {
                        return null;
                    }

                    if (attribute is null && member.Name == literal)
                    {
                        match ??= member;
                    }
                }
            }

            return match;
        }
    }
}
