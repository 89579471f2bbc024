using System;
using System.Collections.Generic;
using System.Text;

namespace EffectiveML.Cli
{
    /// <summary>A unified diff of two versions of a file, with three lines of context, as <c>git diff</c> prints it.</summary>
    internal static class UnifiedDiff
    {
        private const int Context = 3;

        // Beyond this many line pairs the table of common subsequences would be too large: the whole file is one hunk.
        private const long LargestTable = 16_000_000;

        public static string Of(string path, string before, string after)
        {
            var old = Lines(before);
            var @new = Lines(after);
            var edits = Edits(old, @new);
            var text = new StringBuilder();
            text.Append("--- a/").Append(path).Append('\n').Append("+++ b/").Append(path).Append('\n');

            var i = 0;
            while (i < edits.Count)
            {
                if (edits[i].Kind == ' ')
                {
                    i++;
                    continue;
                }

                // A hunk: from the context before this change to the context after the last change closer than twice the context.
                var start = Math.Max(0, i - Context);
                var end = i;
                while (end < edits.Count)
                {
                    var next = end;
                    while (next < edits.Count && edits[next].Kind == ' ')
                    {
                        next++;
                    }

                    if (next == edits.Count || next - end > 2 * Context)
                    {
                        break;
                    }

                    end = next;
                    while (end < edits.Count && edits[end].Kind != ' ')
                    {
                        end++;
                    }
                }

                var stop = Math.Min(edits.Count, end + Context);
                var oldStart = edits[start].OldLine;
                var newStart = edits[start].NewLine;
                int oldCount = 0, newCount = 0;
                for (var k = start; k < stop; k++)
                {
                    oldCount += edits[k].Kind == '+' ? 0 : 1;
                    newCount += edits[k].Kind == '-' ? 0 : 1;
                }

                text.Append($"@@ -{oldStart + (oldCount > 0 ? 1 : 0)},{oldCount} +{newStart + (newCount > 0 ? 1 : 0)},{newCount} @@\n");
                for (var k = start; k < stop; k++)
                {
                    text.Append(edits[k].Kind).Append(edits[k].Text).Append('\n');
                }

                i = stop;
            }

            return text.ToString();
        }

        private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

        /// <summary>Each line kept (' '), removed ('-') or added ('+'), with the lines of each file before it.</summary>
        private static List<(char Kind, string Text, int OldLine, int NewLine)> Edits(string[] old, string[] @new)
        {
            var edits = new List<(char, string, int, int)>();
            if ((long)old.Length * @new.Length > LargestTable)
            {
                for (var i = 0; i < old.Length; i++)
                {
                    edits.Add(('-', old[i], i, 0));
                }

                for (var j = 0; j < @new.Length; j++)
                {
                    edits.Add(('+', @new[j], old.Length, j));
                }

                return edits;
            }

            // Longest common subsequence, from the ends.
            var common = new int[old.Length + 1, @new.Length + 1];
            for (var i = old.Length - 1; i >= 0; i--)
            {
                for (var j = @new.Length - 1; j >= 0; j--)
                {
                    common[i, j] = string.Equals(old[i], @new[j], StringComparison.Ordinal) ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
                }
            }

            int a = 0, b = 0;
            while (a < old.Length || b < @new.Length)
            {
                if (a < old.Length && b < @new.Length && string.Equals(old[a], @new[b], StringComparison.Ordinal))
                {
                    edits.Add((' ', old[a], a, b));
                    a++;
                    b++;
                }
                else if (a < old.Length && (b == @new.Length || common[a + 1, b] >= common[a, b + 1]))
                {
                    edits.Add(('-', old[a], a, b));
                    a++;
                }
                else
                {
                    edits.Add(('+', @new[b], a, b));
                    b++;
                }
            }

            return edits;
        }
    }
}
