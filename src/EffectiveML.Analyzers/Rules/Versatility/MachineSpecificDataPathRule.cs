using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Versatility
{
    /// <summary>
    /// EML3003: an absolute, machine-specific path literal (a drive, a UNC share, a user or mount
    /// folder) reaching an ML.NET load or save call, directly, through a local, or through
    /// <c>Path.Combine</c>/<c>Path.Join</c>/<c>Path.GetFullPath</c>.
    /// </summary>
    public sealed class MachineSpecificDataPathRule : Rule
    {
        private static readonly ImmutableArray<string> MachineFolders = ImmutableArray.Create(
            "/home/", "/Users/", "/mnt/", "/tmp/", "/media/", "/Volumes/", "/root/");

        public const string Id = "EML3003";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Machine-specific absolute data path",
            "'{0}' is an absolute path on one machine; the pipeline will not run anywhere else",
            DiagnosticSeverity.Warning,
            "An absolute path to a user folder, a drive or a mount ties the program to the machine it was written on. Resolve data paths from configuration, the application's folder or a command-line argument.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            registry.OnCalls(static model => model.MLInvocations, (member, model, call) =>
            {
                foreach (var argument in call.Arguments)
                {
                    if (argument.ArgumentKind == ArgumentKind.DefaultValue
                        || argument.Parameter?.Name is not ("path" or "filePath" or "imageFolder" or "modelFile"))
                    {
                        continue;
                    }

                    var values = model.Values;
                    var parts = argument.ArgumentKind == ArgumentKind.ParamArray ? ValueReader.ArrayElements(argument.Value, values) : ImmutableArray.Create(argument.Value);
                    foreach (var part in parts.IsDefault ? ImmutableArray<IOperation>.Empty : parts)
                    {
                        if (AbsoluteLiteral(part, values, symbols.Api) is { } literal)
                        {
                            member.ReportDiagnostic(Diagnostic.Create(
                                Descriptor, literal.Syntax.GetLocation(), literal.ConstantValue.Value as string));
                        }
                    }
                }
            });
        }

        /// <summary>The literal that makes a path machine-specific: the path itself, or the first part it is built from.</summary>
        private static IOperation? AbsoluteLiteral(IOperation path, LocalValues values, MLApi api)
        {
            var resolved = ValueReader.Resolve(path, values);
            switch (resolved)
            {
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } literal when IsMachineSpecific(text):
                    return literal;
                case IInterpolatedStringOperation { Parts.Length: > 0 } interpolated
                    when interpolated.Parts[0] is IInterpolatedStringTextOperation { Text: { ConstantValue: { HasValue: true, Value: string start } } startLiteral }
                        && IsMachineSpecific(start):
                    return startLiteral;
                case IInvocationOperation { TargetMethod: { Name: "Combine" or "Join" or "GetFullPath" } method } call
                    when MLApi.Is(method.ContainingType, api.Path) && call.Arguments.Length > 0:
                    var first = call.Arguments[0];
                    if (first.ArgumentKind == ArgumentKind.ParamArray)
                    {
                        var parts = ValueReader.ArrayElements(first.Value, values);
                        return parts.IsDefaultOrEmpty ? null : AbsoluteLiteral(parts[0], values, api);
                    }

                    return AbsoluteLiteral(first.Value, values, api);
                default:
                    return null;
            }
        }

        private static bool IsMachineSpecific(string path)
        {
            if (path.Length >= 3 && char.IsLetter(path[0]) && path[1] == ':' && (path[2] == '\\' || path[2] == '/'))
            {
                return true;
            }

            if (path.StartsWith(@"\\", System.StringComparison.Ordinal))
            {
                return true;
            }

            foreach (var folder in MachineFolders)
            {
                if (path.StartsWith(folder, System.StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
