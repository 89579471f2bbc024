namespace EffectiveML.Analyzers.Infrastructure
{
    /// <summary>
    /// The principles of effective ML engineering. The value is the thousands digit of the rule IDs
    /// that enforce it; the name is the diagnostic category.
    /// </summary>
    public enum Principle
    {
        Configuration = 0,
        Simplicity = 1,
        Impact = 2,
        Versatility = 3,
        Assumptions = 4,
        Reproducibility = 5,
        Uncertainty = 6,
        Roadblocks = 7,
        Resilience = 8,
    }
}
