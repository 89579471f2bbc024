using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Resilience
{
    /// <summary>
    /// EML8001: string literals passed as column names to an ML.NET call that spell members
    /// (without <c>[ColumnName]</c>) of an input schema class in view in the same member; one
    /// finding per call, listing its literals. Names ML.NET itself gives or reads by default are
    /// left alone: renaming the schema member alone would break the pipeline either way.
    /// </summary>
    public sealed class ColumnNameLiteralRule : Rule
    {
        /// <summary>The prefix of the properties that give, for each additional location, the documentation ID of the schema member the fix names.</summary>
        public const string MemberProperty = "SchemaMember";

        private const int ShownLiterals = 3;

        /// <summary>
        /// Columns a trainer or scorer writes (<c>Score</c>, <c>PredictedLabel</c>, <c>Probability</c>,
        /// <c>FeatureContributions</c>), and columns a trainer reads unless told otherwise (<c>Label</c>,
        /// <c>Features</c>, <c>GroupId</c>): a class member of such a name follows ML.NET's name,
        /// and <c>nameof</c> alone keeps nothing in step.
        /// </summary>
        private static readonly ImmutableHashSet<string> NamesMLNetUses = ImmutableHashSet.Create(
            StringComparer.Ordinal, "Score", "PredictedLabel", "Probability", "FeatureContributions", "Label", "Features", "GroupId");

        public const string Id = "EML8001";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Column name as a string literal",
            "{0} names {1} with {2}; use nameof so that a rename of the schema member cannot break the pipeline",
            DiagnosticSeverity.Info,
            "A column named after a schema property is spelled twice: once as the property, once as a string. Renaming the property silently breaks the string, and ML.NET reports it only when Fit runs.",
            inRecommended: false);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            registry.OnMember((member, model) =>
            {
                // A literal is reported only when an input schema class in view has a member of its name.
                if (model.InputSchemas.Types.Count == 0)
                {
                    return;
                }

                var found = new Dictionary<IOperation, List<(IOperation Literal, ISymbol Member)>>();
                var calls = model.MLInvocations;
                for (var i = 0; i < calls.Count; i++)
                {
                    Collect(model, calls[i], calls[i].Arguments, found);
                }

                var creations = model.ObjectCreations;
                for (var i = 0; i < creations.Count; i++)
                {
                    if (MLApi.Is(creations[i].Type, symbols.Api.InputOutputColumnPair))
                    {
                        // A pair's names belong to the call it is passed to.
                        Collect(model, (IOperation?)ConsumingCall(creations[i]) ?? creations[i], creations[i].Arguments, found);
                    }
                }

                foreach (var pair in found)
                {
                    Report(member, pair.Key, pair.Value);
                }
            });
        }

        private static void Collect(
            MemberModel model,
            IOperation owner,
            ImmutableArray<IArgumentOperation> arguments,
            Dictionary<IOperation, List<(IOperation Literal, ISymbol Member)>> found)
        {
            foreach (var argument in arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue
                    || argument.Parameter is not { } parameter
                    || !IsColumnParameter(parameter)
                    || (IsOutputParameter(parameter) && !WritesInPlace(arguments, model.Values)))
                {
                    continue;
                }

                if (argument.ArgumentKind == ArgumentKind.ParamArray || parameter.Type is IArrayTypeSymbol)
                {
                    if (ValueTracker.Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } initializer })
                    {
                        foreach (var element in initializer.ElementValues)
                        {
                            Check(model, owner, element, found);
                        }
                    }
                }
                else
                {
                    Check(model, owner, argument.Value, found);
                }
            }
        }

        private static void Check(MemberModel model, IOperation owner, IOperation value, Dictionary<IOperation, List<(IOperation Literal, ISymbol Member)>> found)
        {
            if (ValueTracker.Unwrap(value) is not ILiteralOperation { ConstantValue: { HasValue: true, Value: string literal } } written
                || NamesMLNetUses.Contains(literal)
                || model.InputSchemas.MemberNamed(literal) is not { } schemaMember)
            {
                return;
            }

            if (!found.TryGetValue(owner, out var literals))
            {
                found.Add(owner, literals = new List<(IOperation, ISymbol)>());
            }

            literals.Add((written, schemaMember));
        }

        private static void Report(OperationBlockAnalysisContext member, IOperation owner, List<(IOperation Literal, ISymbol Member)> literals)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            var locations = new List<Location>(literals.Count);
            var names = new StringBuilder(literals.Count == 1 ? "the column " : "the columns ");
            var shown = literals.Count <= ShownLiterals + 1 ? literals.Count : ShownLiterals;
            for (var i = 0; i < literals.Count; i++)
            {
                var (literal, schemaMember) = literals[i];
                properties.Add(MemberProperty + i, schemaMember.GetDocumentationCommentId());
                locations.Add(literal.Syntax.GetLocation());
                if (i < shown)
                {
                    if (i > 0)
                    {
                        names.Append(i == literals.Count - 1 ? " and " : ", ");
                    }

                    names.Append('"').Append((string)literal.ConstantValue.Value!).Append("\" (")
                        .Append(schemaMember.ContainingType.Name).Append('.').Append(schemaMember.Name).Append(')');
                }
            }

            if (shown < literals.Count)
            {
                names.Append(" and ").Append(literals.Count - shown).Append(" more");
            }

            var location = owner is IInvocationOperation call ? Describe.CallLocation(call.Syntax) : owner.Syntax.GetLocation();
            var what = owner is IInvocationOperation invocation ? "'" + invocation.TargetMethod.Name + "'" : "The column pair";
            member.ReportDiagnostic(Diagnostic.Create(
                Descriptor,
                location,
                locations,
                properties.ToImmutable(),
                what,
                names.ToString(),
                literals.Count == 1 ? "a string literal" : "string literals"));
        }

        /// <summary>The ML.NET call a column pair is passed to (directly, or as an element of an array argument).</summary>
        private static IInvocationOperation? ConsumingCall(IOperation creation)
        {
            for (var parent = creation.Parent; parent is not null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case IArgumentOperation { Parent: IInvocationOperation call }:
                        return call;
                    case IConversionOperation or IArrayInitializerOperation or IArrayCreationOperation or IParenthesizedOperation:
                        continue;
                    default:
                        return null;
                }
            }

            return null;
        }

        private static bool IsOutputParameter(IParameterSymbol parameter) =>
            parameter.Name.Equals("outputColumnName", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The call writes its output over its input (<c>NormalizeMinMax("Size")</c>): the output
        /// name then names a column read from the data. Otherwise the output is a new column the
        /// pipeline creates, and a schema member of that name is another column.
        /// </summary>
        private static bool WritesInPlace(ImmutableArray<IArgumentOperation> arguments, LocalValues values)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter
                    && (parameter.Name.Equals("inputColumnName", StringComparison.OrdinalIgnoreCase) || parameter.Name.Equals("inputColumnNames", StringComparison.OrdinalIgnoreCase)))
                {
                    return argument.ArgumentKind == ArgumentKind.DefaultValue || ValueReader.RuntimeNull(argument.Value, values);
                }
            }

            return false;
        }

        /// <summary>
        /// Parameters that take column names, matched without regard to case: <c>columnName</c>,
        /// <c>outputColumnName</c>, <c>labelColumnName</c>, <c>inputColumnNames</c>, <c>columnNames</c>,
        /// and a string <c>columns</c> list.
        /// </summary>
        private static bool IsColumnParameter(IParameterSymbol parameter)
        {
            var name = parameter.Name;
            if (!name.EndsWith("ColumnName", StringComparison.OrdinalIgnoreCase)
                && !name.EndsWith("ColumnNames", StringComparison.OrdinalIgnoreCase)
                && !name.Equals("columns", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var type = parameter.Type is IArrayTypeSymbol array ? array.ElementType : parameter.Type;
            return type.SpecialType == SpecialType.System_String;
        }
    }
}
