using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using EffectiveML.Analyzers.Model;
using EffectiveML.Analyzers.Model.Provenance;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Assumptions
{
    /// <summary>
    /// EML4106's check of a data file the project gives as an AdditionalFile: the header row that
    /// <c>LoadFromTextFile&lt;T&gt;(path, separatorChar, hasHeader: true)</c> will read, split at the
    /// separator the call passes, against the class's <c>[LoadColumn]</c> indexes. Only a file named
    /// by a constant path (or a <c>Path.Combine</c> whose last part is one, through locals) whose
    /// file name matches exactly one AdditionalFile, with a constant separator and <c>hasHeader: true</c>,
    /// as the member's <see cref="ProvenanceModel.TextLoadingOf"/> reads them.
    /// </summary>
    internal static class DataFileHeader
    {
        /// <summary>Separators users choose, tried when the one the call passes splits nothing.</summary>
        private static readonly char[] CommonSeparators = { ',', ';', '\t', '|' };

        public static IEnumerable<(string Message, string Detail)> Findings(
            TextLoading loading, INamedTypeSymbol schema, ImmutableArray<AdditionalText> files, MemberModel model, CancellationToken cancellationToken)
        {
            var values = model.Values;
            var api = model.Api;
            var separator = loading.Separator switch
            {
                { State: SettingState.Default } => '\t',
                { State: SettingState.Given, Value: { } separatorValue } when ValueReader.Constant(separatorValue, values) is char value => value,
                _ => (char?)null,
            };
            var hasHeader = loading.HasHeader is { State: SettingState.Given, Value: { } given } && ValueReader.Constant(given, values) is true;
            if (loading.UsesOptions || !hasHeader || separator is not { } separatorChar
                || ProvenanceModel.PathArgument(loading.Call) is not { } path || FileName(path, model) is not { } fileName
                || Single(files, fileName) is not { } file
                || file.GetText(cancellationToken) is not { Lines.Count: > 0 } text)
            {
                yield break;
            }

            var header = text.Lines[0].ToString();
            var fields = header.Split(separatorChar);
            if (fields.Length == 1)
            {
                // A .csv file read at tabs is EML4005's finding, with its fix.
                if (separatorChar == '\t' && fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                {
                    yield break;
                }

                foreach (var other in CommonSeparators)
                {
                    if (other != separatorChar && header.Split(other) is { Length: > 1 } split)
                    {
                        yield return (
                            $"The header of '{fileName}' is one column when split at {Show(separatorChar)}",
                            $"it splits at {Show(other)} into {split.Length} columns, which the [LoadColumn] indexes of '{schema.Name}' count; pass separatorChar: {Show(other)}");
                        yield break;
                    }
                }

                yield break;
            }

            var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < fields.Length; i++)
            {
                // A name that appears twice says nothing about where a member belongs.
                var name = fields[i].Trim().Trim('"');
                names[name] = names.ContainsKey(name) ? -1 : i;
            }

            foreach (var member in schema.GetMembers())
            {
                if (!SchemaColumns.IsColumnMember(member) || SchemaColumns.Attribute(member, api.LoadColumnAttribute) is not { } loadColumn)
                {
                    continue;
                }

                var indexes = Indexes(loadColumn.ConstructorArguments);
                foreach (var index in indexes)
                {
                    if (index >= fields.Length)
                    {
                        yield return (
                            $"'{member.Name}' loads column {index}, but the header of '{fileName}' has {fields.Length} columns",
                            $"split at {Show(separatorChar)} its last index is {fields.Length - 1}; check the [LoadColumn] index against the file");
                        break;
                    }
                }

                var column = SchemaColumns.ColumnName(member, api);
                if (indexes.Count == 1 && indexes[0] < fields.Length
                    && names.TryGetValue(column, out var named) && named >= 0 && named != indexes[0])
                {
                    yield return (
                        $"'{member.Name}' loads column {indexes[0]} ('{fields[indexes[0]].Trim().Trim('"')}'), but the header of '{fileName}' names column {named} '{fields[named].Trim().Trim('"')}'",
                        $"the text loader reads columns by index, not by name; use [LoadColumn({named})]");
                }
            }
        }

        /// <summary>The indexes a <c>[LoadColumn]</c> reads: one, a range, or a list.</summary>
        private static List<int> Indexes(ImmutableArray<TypedConstant> arguments)
        {
            var indexes = new List<int>();
            if (arguments.Length == 1 && arguments[0].Value is int single)
            {
                indexes.Add(single);
            }
            else if (arguments.Length == 2 && arguments[0].Value is int start && arguments[1].Value is int end)
            {
                for (var i = start; i <= end; i++)
                {
                    indexes.Add(i);
                }
            }
            else if (arguments.Length == 1 && arguments[0].Kind == TypedConstantKind.Array)
            {
                foreach (var value in arguments[0].Values)
                {
                    if (value.Value is int index)
                    {
                        indexes.Add(index);
                    }
                }
            }

            return indexes;
        }

        /// <summary>
        /// The file name a path gives whole: a constant, or the constant last part of a
        /// <c>Path.Combine</c> (<see cref="DataPaths.Ending"/>, through locals); an interpolation's
        /// closing text may be only part of a name, and is not taken.
        /// </summary>
        private static string? FileName(IOperation path, MemberModel model) =>
            ValueReader.Resolve(path, model.Values) is not IInterpolatedStringOperation && DataPaths.Ending(path, model.Values, model.Api) is { } ending
                ? LastSegment(ending)
                : null;

        private static string? LastSegment(string path)
        {
            var cut = path.LastIndexOfAny(new[] { '/', '\\' });
            var name = cut >= 0 ? path.Substring(cut + 1) : path;
            return name.Length > 0 ? name : null;
        }

        /// <summary>The one AdditionalFile with that file name; null when none or several have it.</summary>
        private static AdditionalText? Single(ImmutableArray<AdditionalText> files, string fileName)
        {
            AdditionalText? found = null;
            foreach (var file in files)
            {
                if (string.Equals(LastSegment(file.Path), fileName, StringComparison.Ordinal))
                {
                    if (found is not null)
                    {
                        return null;
                    }

                    found = file;
                }
            }

            return found;
        }

        private static string Show(char separator) => separator switch
        {
            '\t' => "'\\t'",
            _ => $"'{separator}'",
        };
    }
}
