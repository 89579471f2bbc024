using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Uncertainty
{
    /// <summary>EML6002: the result of an Evaluate* or CrossValidate* call is discarded, or kept in a local nobody reads.</summary>
    public sealed class EvaluationDiscardedRule : Rule
    {
        public const string Id = "EML6002";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Evaluation result discarded",
            "The result of '{0}' is {1}; an evaluation nobody reads checks nothing",
            DiagnosticSeverity.Warning,
            "Evaluation exists to decide something: whether the model is good enough, better than the last one, fit to ship. Metrics computed and thrown away give the comfort of a check without the check.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var api = registry.Symbols.Api;
            registry.OnCalls(static model => model.MLInvocations, (member, model, call) =>
            {
                var method = call.TargetMethod;
                if (!(method.Name.StartsWith("Evaluate", System.StringComparison.Ordinal) || method.Name.StartsWith("CrossValidate", System.StringComparison.Ordinal))
                    || !api.IsEvaluation(method))
                {
                    return;
                }

                var parent = call.Parent;
                while (parent is IConversionOperation or IParenthesizedOperation)
                {
                    parent = parent.Parent;
                }

                string? how = parent switch
                {
                    IExpressionStatementOperation => "discarded",
                    ISimpleAssignmentOperation { Target: IDiscardOperation } => "assigned to a discard",
                    IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when !IsRead(declarator.Symbol, model) =>
                        $"stored in '{declarator.Symbol.Name}', which is never read",
                    _ => null,
                };

                if (how is not null)
                {
                    member.ReportDiagnostic(Diagnostic.Create(
                        Descriptor, Describe.CallLocation(call.Syntax), method.Name, how));
                }
            });
        }

        private static bool IsRead(ILocalSymbol local, MemberModel model)
        {
            foreach (var reference in model.ReferencesTo(local))
            {
                if (!(reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
