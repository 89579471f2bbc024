using System;
using System.Collections.Generic;
using System.IO;

namespace EffectiveML.Tests.Infrastructure
{
    /// <summary>A data file in the temporary folder for a program that ML.NET runs in a test, deleted when disposed.</summary>
    internal sealed class TemporaryDataFile : IDisposable
    {
        public TemporaryDataFile(IEnumerable<string> lines)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "effectiveml-data-" + Guid.NewGuid().ToString("N") + ".csv");
            File.WriteAllLines(Path, lines);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
