namespace Rsis.Portal.Domain.Common;

/// <summary>Records that a seed data set was applied, so it is never applied again over staff edits.</summary>
public class AppliedSeed
{
    public required string Name { get; set; }
    public DateTime AppliedAtUtc { get; set; }
}
