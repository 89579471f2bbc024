using System;
using System.IO;

namespace EffectiveML.Cli
{
    /// <summary>The files the tool writes (the logs its options name, the files <c>fix</c> changes), each whole or not at all.</summary>
    internal static class OutputFile
    {
        /// <summary>Writes next to the final name first, then moves over it: a failed write never leaves half a file or loses the old one.</summary>
        /// <param name="what">What the file is, for the one line that says it could not be written: "--sarif", "the fixed file".</param>
        public static void Write(string path, string what, Action<string> write)
        {
            var partial = path + ".partial";
            try
            {
                write(partial);
                File.Move(partial, path, overwrite: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                try
                {
                    File.Delete(partial);
                }
                catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
                {
                }

                throw new UserError(ExitCode.OutputNotWritable, $"cannot write {what} to '{path}': {exception.Message}");
            }
        }
    }
}
