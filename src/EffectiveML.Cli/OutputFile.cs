using System;
using System.IO;

namespace EffectiveML.Cli
{
    /// <summary>The files the tool's options name, written whole or not at all.</summary>
    internal static class OutputFile
    {
        /// <summary>Writes next to the final name first, then moves over it: a failed write never leaves half a file or loses the old one.</summary>
        public static void Write(string path, string option, Action<string> write)
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

                throw new UserError(ExitCode.OutputNotWritable, $"cannot write {option} to '{path}': {exception.Message}");
            }
        }
    }
}
