using System.Collections.Generic;
using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Resilience
{
    /// <summary>
    /// EML8002: the <c>Probability</c> or <c>Score</c> column of a prediction compared with a numeric
    /// literal: by an operator (<c>p.Probability &gt; 0.7f</c>, also through a local or a pattern
    /// variable: <c>case var p when p &gt; 0.7</c>), or by relational patterns
    /// (<c>p.Score is &gt; 0.5f</c>, <c>p.Score switch { &gt;= 0.5f and &lt; 0.7f =&gt; … }</c>). A
    /// prediction is a value returned by <c>PredictionEngine.Predict</c> in the member, or an
    /// instance of a class that declares the <c>PredictedLabel</c> column.
    /// </summary>
    public sealed class HardCodedThresholdRule : Rule
    {
        public const string Id = "EML8002";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Hard-coded decision threshold",
            "'{0}' is compared with {1}; a decision threshold belongs in configuration, chosen on validation data",
            DiagnosticSeverity.Info,
            "The threshold that turns a score into a decision trades precision for recall. Hard-coded, it cannot be tuned when the data, the model or the business cost changes.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            var api = symbols.Api;
            registry.OnMember((member, model) =>
            {
                foreach (var comparison in model.Comparisons)
                {
                    var left = ValueTracker.Unwrap(comparison.LeftOperand);
                    var right = ValueTracker.Unwrap(comparison.RightOperand);
                    var (column, literal) = IsLiteral(left) ? (right, left) : (left, right);
                    if (!IsLiteral(literal) || ScoreRead(column, model, api) is not { } read)
                    {
                        continue;
                    }

                    member.ReportDiagnostic(Diagnostic.Create(
                        Descriptor, comparison.Syntax.GetLocation(), Describe.Code(read.Syntax), "the literal " + literal.Syntax));
                }

                // Relational patterns: one finding per 'is' expression, switch arm or case label, naming its literals.
                Dictionary<IOperation, List<IRelationalPatternOperation>>? byTest = null;
                foreach (var pattern in model.RelationalPatterns)
                {
                    if (IsLiteral(ValueTracker.Unwrap(pattern.Value)) && PatternTest(pattern) is { } test)
                    {
                        byTest ??= new Dictionary<IOperation, List<IRelationalPatternOperation>>();
                        if (!byTest.TryGetValue(test.Test, out var patterns))
                        {
                            byTest.Add(test.Test, patterns = new List<IRelationalPatternOperation>());
                        }

                        patterns.Add(pattern);
                    }
                }

                if (byTest is null)
                {
                    return;
                }

                foreach (var pair in byTest)
                {
                    if (PatternTest(pair.Value[0]) is not { } test || ScoreRead(test.Matched, model, api) is not { } read)
                    {
                        continue;
                    }

                    var literals = new List<string>();
                    foreach (var pattern in pair.Value)
                    {
                        literals.Add(pattern.Value.Syntax.ToString());
                    }

                    var named = literals.Count == 1 ? "the literal " + literals[0] : "the literals " + string.Join(" and ", literals);
                    member.ReportDiagnostic(Diagnostic.Create(
                        Descriptor, pair.Key.Syntax.GetLocation(), Describe.Code(read.Syntax), named));
                }
            });
        }

        /// <summary>A number written in the code: a literal, or a negated one (<c>-1f</c>).</summary>
        private static bool IsLiteral(IOperation operation) =>
            operation.ConstantValue.HasValue
            && operation is ILiteralOperation or IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus or UnaryOperatorKind.Plus, Operand: ILiteralOperation };

        /// <summary>
        /// The read of a prediction's score column that <paramref name="operand"/> is: directly, or
        /// through a local assigned once or a pattern variable (<c>is var p</c>, <c>case var p</c>).
        /// </summary>
        private static IMemberReferenceOperation? ScoreRead(IOperation operand, MemberModel model, MLApi api)
        {
            var value = ValueReader.Resolve(operand, model.Values);
            if (value is ILocalReferenceOperation local && PatternVariableValue(local.Local, model.Root) is { } matched)
            {
                value = ValueReader.Resolve(matched, model.Values);
            }

            return value is IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol } read
                && IsScoreColumn(read.Member, api)
                && IsPrediction(read, model, api)
                    ? read
                    : null;
        }

        /// <summary>The value a pattern variable was matched against: <c>x</c> of <c>x is var p</c> or of <c>switch (x) { case var p … }</c>.</summary>
        private static IOperation? PatternVariableValue(ILocalSymbol local, IOperation root)
        {
            foreach (var operation in root.Descendants())
            {
                if (operation is IDeclarationPatternOperation declaration
                    && SymbolEqualityComparer.Default.Equals(declaration.DeclaredSymbol, local))
                {
                    return PatternTest(declaration)?.Matched;
                }
            }

            return null;
        }

        /// <summary>
        /// Where a pattern is tested: the <c>is</c> expression, switch arm or case label it belongs to
        /// (up through <c>and</c>, <c>or</c> and <c>not</c>), and the value it is matched against.
        /// </summary>
        private static (IOperation Test, IOperation Matched)? PatternTest(IPatternOperation pattern)
        {
            IOperation current = pattern;
            while (current.Parent is IBinaryPatternOperation or INegatedPatternOperation)
            {
                current = current.Parent;
            }

            return current.Parent switch
            {
                IIsPatternOperation isPattern => (isPattern, isPattern.Value),
                ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression } arm => (arm, switchExpression.Value),
                IPatternCaseClauseOperation { Parent: ISwitchCaseOperation { Parent: ISwitchOperation switchStatement } } clause => (clause, switchStatement.Value),
                _ => null,
            };
        }

        private static bool IsScoreColumn(ISymbol member, MLApi api) =>
            member.ContainingType is { } type && api.Schema(type).ColumnOf(member) is "Probability" or "Score";

        private static bool IsPrediction(IMemberReferenceOperation read, MemberModel model, MLApi api)
        {
            if (api.Schema(read.Member.ContainingType).HasColumn("PredictedLabel"))
            {
                return true;
            }

            return read.Instance is { } instance
                && ValueReader.Resolve(instance, model.Values) is IInvocationOperation { TargetMethod.Name: "Predict" } predict
                && KnownSymbols.InheritsFrom(predict.TargetMethod.ContainingType, api.PredictionEngineBase);
        }
    }
}
